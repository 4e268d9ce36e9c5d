using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Normalization;

/// <summary>
/// How <see cref="GroupStandardizationTransformer"/> reads its input: the vector column, its type,
/// how many statistics it has and how many consecutive values share one.
/// </summary>
internal sealed record StandardizedColumn(DataViewSchema.Column Values, DataViewSchema.Column? Group, VectorDataViewType Type, int Statistics, int Span)
{
    /// <param name="requireGroup">False when scoring: without the group column every row is of no known group.</param>
    public static StandardizedColumn Of(DataViewSchema schema, GroupStandardizationOptions options, bool requireGroup = true)
    {
        var values = schema.GetColumnOrNull(options.InputColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"Input column '{options.InputColumnName}' not found in the input schema; available columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        if (values.Type is not VectorDataViewType { ItemType: var item, Size: > 0 } vector || item != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(schema), $"Input column '{options.InputColumnName}': expected a fixed-size vector of Single, found {values.Type}.");
        DataViewSchema.Column? group = requireGroup || schema.GetColumnOrNull(options.GroupColumnName) is not null
            ? Core.SchemaChecks.RequireText(schema, options.GroupColumnName, "Group")
            : null;
        int span = 1;
        if (options.Axis == StatisticsAxis.Frames)
        {
            if (vector.Dimensions.Length < 2)
                throw new ArgumentOutOfRangeException(nameof(schema), $"Input column '{options.InputColumnName}': Axis = Frames needs a vector with a time dimension last ([..., frames]), found {vector.Dimensions.Length} dimension(s); use Axis = Rows.");
            span = vector.Dimensions[^1];
        }
        return new StandardizedColumn(values, group, vector, vector.Size / span, span);
    }

    /// <summary>The statistics of every row of <paramref name="data"/> whose group <paramref name="wanted"/> accepts, and of all those rows together.</summary>
    public (StandardizationMoments Global, Dictionary<string, StandardizationMoments> Groups) Learn(
        IDataView data, Func<string, bool> wanted, GroupStandardizationOptions options)
    {
        var all = new MomentAccumulator(Statistics);
        var groups = new Dictionary<string, MomentAccumulator>(StringComparer.Ordinal);
        var groupColumn = Group ?? throw new InvalidOperationException($"Column '{options.GroupColumnName}' is needed to learn group statistics.");
        using var cursor = data.GetRowCursor(new[] { data.Schema[Values.Index], data.Schema[groupColumn.Index] });
        var groupGetter = cursor.GetGetter<ReadOnlyMemory<char>>(data.Schema[groupColumn.Index]);
        var valuesGetter = cursor.GetGetter<VBuffer<float>>(data.Schema[Values.Index]);
        ReadOnlyMemory<char> groupValue = default;
        VBuffer<float> buffer = default;
        var dense = new float[Type.Size];
        while (cursor.MoveNext())
        {
            groupGetter(ref groupValue);
            string name = groupValue.ToString();
            if (!wanted(name)) continue;
            valuesGetter(ref buffer);
            buffer.CopyTo(dense);
            int bad = Array.FindIndex(dense, v => !float.IsFinite(v));
            if (bad >= 0)
                throw new InvalidDataException($"Column '{Values.Name}', row {cursor.Position + 1} (group '{name}'): value {bad} is {dense[bad]}; expected finite features.");
            if (!groups.TryGetValue(name, out var accumulator)) groups[name] = accumulator = new MomentAccumulator(Statistics);
            accumulator.Add(dense, Span);
            all.Add(dense, Span);
        }
        var learned = groups.Where(g => g.Value.Rows >= options.MinGroupRows).ToDictionary(g => g.Key, g => g.Value.ToMoments(options.VarianceFloor), StringComparer.Ordinal);
        return (all.ToMoments(options.VarianceFloor), learned);
    }
}
