using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Normalization;

/// <summary>
/// Learns, from the training rows (labels unused), the mean and standard deviation of a feature
/// column for every group (speaker) and for all rows; see <see cref="GroupStandardizationTransformer"/>.
/// </summary>
public sealed class GroupStandardizationEstimator : IEstimator<GroupStandardizationTransformer>
{
    private readonly GroupStandardizationOptions _options;

    public GroupStandardizationEstimator(GroupStandardizationOptions options)
    {
        options.Validate();
        _options = TransformFactory.Clone(options);
    }

    public GroupStandardizationTransformer Fit(IDataView input)
    {
        var column = StandardizedColumn.Of(input.Schema, _options);
        var (global, groups) = column.Learn(input, _ => true, _options);
        if (global.Rows == 0) throw new ArgumentException($"Column '{_options.InputColumnName}': the training data has no rows to learn statistics from.", nameof(input));
        var transformer = new GroupStandardizationTransformer(_options, new GroupStatisticsTable(global, groups));
        foreach (var (name, rows) in SmallGroups(input, groups)) transformer.Warnings.Add($"group '{name}' has {rows} training row(s), fewer than MinGroupRows = {_options.MinGroupRows}; it is standardized with the statistics of all rows");
        return transformer;
    }

    private IEnumerable<(string Name, int Rows)> SmallGroups(IDataView input, Dictionary<string, StandardizationMoments> learned)
    {
        if (_options.MinGroupRows <= 1) return [];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var column = input.Schema[_options.GroupColumnName];
        using var cursor = input.GetRowCursor(new[] { column });
        var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
            string name = value.ToString();
            if (!learned.ContainsKey(name)) counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        return counts.Select(c => (c.Key, c.Value));
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var input = inputSchema.Where(c => c.Name == _options.InputColumnName).Select(c => (SchemaShape.Column?)c).LastOrDefault()
            ?? throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Input column '{_options.InputColumnName}' not found in the input schema.");
        if (input.Kind != SchemaShape.Column.VectorKind.Vector || input.ItemType != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Input column '{_options.InputColumnName}': expected a fixed-size vector of Single, found {SchemaChecks.Describe(input)}.");
        SchemaChecks.RequireText(inputSchema, _options.GroupColumnName, "Group");
        return SchemaChecks.Append(inputSchema, [(_options.Output, new VectorDataViewType(NumberDataViewType.Single, 1), null)]);
    }
}
