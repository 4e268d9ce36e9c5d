using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;

namespace MsaMl.Pipelines.Fusion;

/// <summary>
/// Decision-level fusion: combines the class probabilities of single-modality models by average,
/// weighted average or majority vote (or lays them side by side for a stacking model). A member
/// whose modality is missing in a row (its presence column is empty) is left out of that row,
/// and the <c>FusedModalities</c> output says which members decided. Members that are regression
/// models (a Single <c>Score</c> each, such as sentiment intensities) are averaged the same way
/// (Average or WeightedAverage) into a Single <c>Score</c>; a row without any member scores 0.
/// </summary>
public sealed class LateFusionTransformer : RowMappingTransformer
{
    public const string KindName = "MsaMl.LateFusion";

    private readonly LateFusionOptions _options;
    private readonly float[] _weights;

    public LateFusionTransformer(LateFusionOptions options)
    {
        if (options.Members.Count < 2) throw new ArgumentException("Late fusion needs at least two members.", nameof(options));
        if (options.Weights != null && options.Weights.Length != options.Members.Count)
            throw new ArgumentException($"Weights holds {options.Weights.Length} values for {options.Members.Count} members.", nameof(options));
        _options = TransformFactory.Clone(options);
        _weights = options.Weights ?? Enumerable.Repeat(1f, options.Members.Count).ToArray();
    }

    public override string Kind => KindName;
    public LateFusionOptions Options => TransformFactory.Clone(_options);
    public override JsonNode SaveOptions() => TransformFactory.ToJson(_options);

    public override IReadOnlyList<string> InputColumnNames =>
        _options.Members.Select(m => m.ScoreColumnName)
            .Concat(_options.Members.Where(m => m.PresenceColumnName != null).Select(m => m.PresenceColumnName!))
            .Distinct().ToList();

    /// <summary>Whether the members' score columns are Single scalars (regression) in <paramref name="inputSchema"/>.</summary>
    internal bool IsRegression(DataViewSchema inputSchema) =>
        inputSchema.GetColumnOrNull(_options.Members[0].ScoreColumnName)?.Type == NumberDataViewType.Single;

    private IReadOnlyList<OutputColumn> RegressionOutputColumns(DataViewSchema inputSchema)
    {
        if (_options.Mode is not (LateFusionMode.Average or LateFusionMode.WeightedAverage))
            throw new ArgumentOutOfRangeException(nameof(inputSchema),
                $"Late fusion of regression scores supports Average and WeightedAverage, not {_options.Mode} (voting and stacking need class probabilities).");
        foreach (var member in _options.Members)
        {
            var column = inputSchema.GetColumnOrNull(member.ScoreColumnName)
                ?? throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Late fusion member '{member.Name}': score column '{member.ScoreColumnName}' not found.");
            if (column.Type != NumberDataViewType.Single)
                throw new ArgumentOutOfRangeException(nameof(inputSchema),
                    $"Late fusion member '{member.Name}': column '{member.ScoreColumnName}' is {column.Type}, but the first member's score is a Single (regression); all members must be alike.");
            if (member.PresenceColumnName != null)
                SchemaChecks.RequireText(inputSchema, member.PresenceColumnName, $"Presence column of member '{member.Name}'");
        }
        return new[] { RegressionColumns.Create(_options.ScoreColumnName), new OutputColumn(_options.FusedModalitiesColumnName, TextDataViewType.Instance) };
    }

    protected override IReadOnlyList<OutputColumn> GetOutputColumns(DataViewSchema inputSchema)
    {
        if (IsRegression(inputSchema)) return RegressionOutputColumns(inputSchema);
        string[]? classes = null;
        foreach (var member in _options.Members)
        {
            var column = inputSchema.GetColumnOrNull(member.ScoreColumnName)
                ?? throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Late fusion member '{member.Name}': score column '{member.ScoreColumnName}' not found.");
            if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType, IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Late fusion member '{member.Name}': column '{member.ScoreColumnName}' must be a known-size vector of Single, found {column.Type}.");
            var names = SlotNames(column);
            if (classes != null && !names.SequenceEqual(classes))
                throw new ArgumentOutOfRangeException(nameof(inputSchema),
                    $"Late fusion member '{member.Name}': classes [{string.Join(", ", names)}] differ from the first member's [{string.Join(", ", classes)}].");
            classes = names;
            if (member.PresenceColumnName != null)
                SchemaChecks.RequireText(inputSchema, member.PresenceColumnName, $"Presence column of member '{member.Name}'");
        }

        var outputs = ClassificationColumns.Create(_options.ScoreColumnName, _options.PredictedLabelColumnName, classes!).ToList();
        outputs.Add(new OutputColumn(_options.FusedModalitiesColumnName, TextDataViewType.Instance));
        if (_options.Mode == LateFusionMode.Stacking)
            outputs.Add(new OutputColumn(_options.StackedScoresColumnName, new VectorDataViewType(NumberDataViewType.Single, classes!.Length * _options.Members.Count)));
        return outputs;
    }

    private static string[] SlotNames(DataViewSchema.Column column) =>
        ClassificationColumns.ReadTextAnnotation(column, "SlotNames")
        ?? Enumerable.Range(1, ((VectorDataViewType)column.Type).Size).Select(i => i.ToString()).ToArray();

    protected override RowMapper CreateRowMapper(DataViewRow input) => new Combiner(this, input);

    private sealed class Combiner : RowMapper
    {
        private readonly LateFusionTransformer _owner;
        private readonly DataViewRow _input;
        private readonly ValueGetter<VBuffer<float>>[] _scores;
        private readonly ValueGetter<float>[]? _values;
        private readonly ValueGetter<ReadOnlyMemory<char>>?[] _presence;
        private readonly float[][] _memberScores;
        private readonly bool[] _present;
        private readonly float[] _fused;
        private long _position = -1;
        private string _modalities = "";

        public Combiner(LateFusionTransformer owner, DataViewRow input)
        {
            _owner = owner;
            _input = input;
            var members = owner._options.Members;
            bool regression = owner.IsRegression(input.Schema);
            _values = regression ? members.Select(m => input.GetGetter<float>(input.Schema[m.ScoreColumnName])).ToArray() : null;
            _scores = regression ? Array.Empty<ValueGetter<VBuffer<float>>>() : members.Select(m => input.GetGetter<VBuffer<float>>(input.Schema[m.ScoreColumnName])).ToArray();
            _presence = members.Select(m => m.PresenceColumnName == null ? null : input.GetGetter<ReadOnlyMemory<char>>(input.Schema[m.PresenceColumnName])).ToArray();
            int classes = regression ? 1 : ((VectorDataViewType)input.Schema[members[0].ScoreColumnName].Type).Size;
            _memberScores = members.Select(_ => new float[classes]).ToArray();
            _present = new bool[members.Count];
            _fused = new float[classes];
        }

        public override Delegate GetGetter(int output) => _values != null
            ? output == 0
                ? (ValueGetter<float>)((ref float value) => { Combine(); value = _fused[0]; })
                : (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => { Combine(); value = _modalities.AsMemory(); })
            : output switch
        {
            0 or 1 => ClassificationColumns.Getter(output, _fused, Combine),
            2 => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => { Combine(); value = _modalities.AsMemory(); }),
            _ => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
            {
                Combine();
                int k = _fused.Length;
                var editor = VBufferEditor.Create(ref value, k * _memberScores.Length);
                for (int m = 0; m < _memberScores.Length; m++)
                    for (int c = 0; c < k; c++) editor.Values[m * k + c] = _present[m] ? _memberScores[m][c] : 1f / k;
                value = editor.Commit();
            }),
        };

        private void Combine()
        {
            if (_position == _input.Position && _input.Position >= 0) return;
            _position = _input.Position;
            VBuffer<float> buffer = default;
            ReadOnlyMemory<char> text = default;
            for (int m = 0; m < _memberScores.Length; m++)
            {
                if (_values != null) _values[m](ref _memberScores[m][0]);
                else
                {
                    _scores[m](ref buffer);
                    buffer.CopyTo(_memberScores[m]);
                }
                _present[m] = true;
                if (_presence[m] is { } presence)
                {
                    presence(ref text);
                    _present[m] = !text.Span.IsWhiteSpace();
                }
            }
            var members = _owner._options.Members;
            _modalities = _present.Any(p => p)
                ? string.Join("+", members.Where((_, i) => _present[i]).Select(m => m.Name))
                : "none";
            Fuse();
        }

        private void Fuse()
        {
            int k = _fused.Length;
            Array.Clear(_fused);
            var weights = _owner._weights;
            bool vote = _owner._options.Mode == LateFusionMode.MajorityVote;
            bool weighted = _owner._options.Mode == LateFusionMode.WeightedAverage || vote;
            double total = 0;
            var mean = new float[k];
            for (int m = 0; m < _memberScores.Length; m++)
            {
                if (!_present[m]) continue;
                float w = weighted ? weights[m] : 1f;
                total += w;
                for (int c = 0; c < k; c++) mean[c] += w * _memberScores[m][c];
                if (vote) _fused[ClassificationColumns.PredictedKey(_memberScores[m]) - 1] += w;
            }
            if (total == 0)
            {
                Array.Fill(_fused, _values != null ? 0f : 1f / k);
                return;
            }
            for (int c = 0; c < k; c++) mean[c] /= (float)total;
            if (!vote)
            {
                mean.CopyTo(_fused, 0);
                return;
            }
            // Vote shares, with a tie-breaker far below one vote from the mean probabilities.
            for (int c = 0; c < k; c++) _fused[c] = (float)(_fused[c] / total) + 1e-3f * mean[c];
            float sum = _fused.Sum();
            for (int c = 0; c < k; c++) _fused[c] /= sum;
        }
    }
}
