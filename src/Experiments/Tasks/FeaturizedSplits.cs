using Microsoft.ML;

namespace MsaMl.Experiments;

/// <summary>A task's fitted featurizer (no label mapping), the scoring input schema it reads, and its three splits with labels mapped and featurized (read from <see cref="Cache"/>, which disposing deletes).</summary>
public sealed record FeaturizedSplits(ITransformer Featurizer, DataViewSchema InputSchema, IDataView Train, IDataView Validation, IDataView Test) : IDisposable
{
    /// <summary>The .idv files the splits are read from.</summary>
    public MsaMl.Transforms.Core.FeatureCache? Cache { get; init; }

    /// <summary>Deletes the cached feature files.</summary>
    public void Dispose() => Cache?.Dispose();
}
