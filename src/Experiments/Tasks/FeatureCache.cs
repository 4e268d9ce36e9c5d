using Microsoft.ML;

namespace MsaMl.Experiments;

/// <summary>Featurized rows cached in memory once, so the encoders (MiniLM, ResNet-18) run once and no model's training time includes them.</summary>
internal static class FeatureCache
{
    /// <summary>Caches every column of <paramref name="data"/> now, by reading it through once.</summary>
    public static IDataView Materialize(MLContext ml, IDataView data)
    {
        var cached = ml.Data.Cache(data);
        using var cursor = cached.GetRowCursor(cached.Schema);
        while (cursor.MoveNext()) { }
        return cached;
    }
}
