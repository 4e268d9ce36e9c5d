using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Normalization;

/// <summary>
/// Standardizes a feature column with the mean and standard deviation of each row's group (per
/// speaker normalization): <c>(x - mean) / sqrt(variance + floor)</c>, one mean and deviation per
/// vector element (<see cref="StatisticsAxis.Rows"/>) or per channel and band over frames
/// (<see cref="StatisticsAxis.Frames"/>). Statistics come from the group's own rows, never from
/// labels, so test speakers are normalized from their own unlabeled utterances: by
/// <c>Transform</c> (which learns the groups it has not seen from the data it transforms, see
/// <see cref="GroupStandardizationOptions.AdaptToNewGroups"/>) or by <see cref="Enroll"/> before
/// row-by-row scoring. A group without statistics, or every row of an input without the group
/// column (an app's <c>PredictionEngine</c> input class), gets those of all training rows and a line
/// in <see cref="Warnings"/>.
/// </summary>
public sealed class GroupStandardizationTransformer : RowMappingTransformer
{
    public const string KindName = "MsaMl.GroupStandardization";
    internal const string StatisticsArtifact = "statistics";

    private readonly GroupStandardizationOptions _options;
    private readonly ConcurrentDictionary<string, bool> _warnedGroups;

    public GroupStandardizationTransformer(GroupStandardizationOptions options, GroupStatisticsTable statistics)
        : this(options, statistics, new TransformWarnings(), new ConcurrentDictionary<string, bool>(StringComparer.Ordinal))
    {
    }

    private GroupStandardizationTransformer(GroupStandardizationOptions options, GroupStatisticsTable statistics, TransformWarnings warnings, ConcurrentDictionary<string, bool> warned)
    {
        options.Validate();
        _options = TransformFactory.Clone(options);
        Statistics = statistics;
        Warnings = warnings;
        _warnedGroups = warned;
    }

    public override string Kind => KindName;

    /// <summary>The statistics of all training rows and of each known group.</summary>
    public GroupStatisticsTable Statistics { get; }

    /// <summary>Groups standardized with the global statistics, one line each.</summary>
    public TransformWarnings Warnings { get; }

    /// <summary>A copy of the options.</summary>
    public GroupStandardizationOptions Options => TransformFactory.Clone(_options);

    public override IReadOnlyList<string> InputColumnNames => new[] { _options.InputColumnName, _options.GroupColumnName };

    /// <summary>
    /// This transformer with the groups of <paramref name="utterances"/> learned from those rows
    /// (a new speaker from a few of their recordings; a known group is learned anew). Groups with
    /// fewer than <see cref="GroupStandardizationOptions.MinGroupRows"/> rows are left out.
    /// </summary>
    public GroupStandardizationTransformer Enroll(IDataView utterances)
    {
        var column = Checked(utterances.Schema);
        var (_, groups) = column.Learn(utterances, _ => true, _options);
        return new GroupStandardizationTransformer(_options, Statistics.With(groups), Warnings, _warnedGroups);
    }

    public override IDataView Transform(IDataView input)
    {
        if (!_options.AdaptToNewGroups || input.Schema.GetColumnOrNull(_options.GroupColumnName) is null) return base.Transform(input);
        var column = Checked(input.Schema);
        var (_, groups) = column.Learn(input, name => !Statistics.Groups.ContainsKey(name), _options);
        return groups.Count == 0 ? base.Transform(input) : new GroupStandardizationTransformer(_options, Statistics.With(groups), Warnings, _warnedGroups).TransformKnown(input);
    }

    private IDataView TransformKnown(IDataView input) => base.Transform(input);

    public override JsonNode SaveOptions() => TransformFactory.ToJson(_options);

    public override IReadOnlyDictionary<string, byte[]> SaveArtifacts() => new Dictionary<string, byte[]> { [StatisticsArtifact] = Statistics.ToBytes() };

    protected override IReadOnlyList<OutputColumn> GetOutputColumns(DataViewSchema inputSchema) =>
        new[] { new OutputColumn(_options.Output, Checked(inputSchema, requireGroup: false).Type) };

    private StandardizedColumn Checked(DataViewSchema schema, bool requireGroup = true)
    {
        var column = StandardizedColumn.Of(schema, _options, requireGroup);
        if (column.Statistics != Statistics.Statistics)
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"Input column '{_options.InputColumnName}': {column.Type} gives {column.Statistics} statistics, but the transformer learned {Statistics.Statistics}; the features differ from those it was fitted on.");
        return column;
    }

    protected override RowMapper CreateRowMapper(DataViewRow input) => new Standardizer(this, input);

    /// <summary>The key under which the missing group column is warned about once (no group name contains a NUL).</summary>
    private const string NoGroupColumn = "\0no group column";

    private StandardizationMoments MomentsOf(string? group)
    {
        if (group is null)
        {
            if (_warnedGroups.TryAdd(NoGroupColumn, true))
                Warnings.Add($"column '{_options.InputColumnName}': the input has no group column '{_options.GroupColumnName}'; every row is standardized with the statistics of all {Statistics.Global.Rows} training rows");
            return Statistics.Global;
        }
        if (Statistics.Groups.TryGetValue(group, out var moments)) return moments;
        if (_warnedGroups.TryAdd(group, true))
            Warnings.Add(group.Length == 0
                ? $"column '{_options.InputColumnName}': rows with an empty '{_options.GroupColumnName}' are standardized with the statistics of all {Statistics.Global.Rows} training rows"
                : $"column '{_options.InputColumnName}': group '{group}' has no statistics of its own; standardized with those of all {Statistics.Global.Rows} training rows");
        return Statistics.Global;
    }

    private sealed class Standardizer : RowMapper
    {
        private readonly GroupStandardizationTransformer _owner;
        private readonly ValueGetter<VBuffer<float>> _values;
        private readonly ValueGetter<ReadOnlyMemory<char>>? _group;
        private readonly StandardizedColumn _column;
        private VBuffer<float> _buffer;
        private ReadOnlyMemory<char> _groupValue;
        private readonly float[] _dense;

        public Standardizer(GroupStandardizationTransformer owner, DataViewRow input)
        {
            _owner = owner;
            _column = owner.Checked(input.Schema, requireGroup: false);
            _values = input.GetGetter<VBuffer<float>>(input.Schema[_column.Values.Index]);
            _group = _column.Group is { } group ? input.GetGetter<ReadOnlyMemory<char>>(input.Schema[group.Index]) : null;
            _dense = new float[_column.Type.Size];
        }

        public override Delegate GetGetter(int output) => (ValueGetter<VBuffer<float>>)Get;

        private void Get(ref VBuffer<float> destination)
        {
            _values(ref _buffer);
            _group?.Invoke(ref _groupValue);
            _buffer.CopyTo(_dense);
            var editor = VBufferEditor.Create(ref destination, _dense.Length);
            _owner.MomentsOf(_group is null ? null : _groupValue.ToString()).Apply(_dense, editor.Values, _column.Span);
            destination = editor.Commit();
        }
    }
}
