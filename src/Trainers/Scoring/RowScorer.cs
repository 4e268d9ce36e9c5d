using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Trainers.Scoring;

/// <summary>
/// Scores the current row of an input row or cursor on demand (once per row) and serves the
/// pass-through and output getters. One instance per row/cursor; never shared between threads.
/// </summary>
internal sealed class RowScorer
{
    private readonly TorchScoringTransformer _transformer;
    private readonly DataViewRow _input;
    private readonly ValueGetter<VBuffer<float>>[] _featureGetters;
    private readonly float[][] _features;
    private readonly float[] _scores;
    private long _scoredPosition = -1;
    private readonly int _inputCount;

    public RowScorer(TorchScoringTransformer transformer, DataViewRow input, bool needsScores)
    {
        _transformer = transformer;
        _input = input;
        _inputCount = input.Schema.Count;
        var columns = transformer.FeatureColumns;
        _featureGetters = needsScores ? columns.Select(c => input.GetGetter<VBuffer<float>>(input.Schema[c])).ToArray() : Array.Empty<ValueGetter<VBuffer<float>>>();
        _features = columns.Select(_ => Array.Empty<float>()).ToArray();
        _scores = new float[transformer.ClassNames.Length];
    }

    public ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (column.Index < _inputCount) return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        Delegate getter = column.Index == _inputCount
            ? (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
            {
                Score();
                var editor = VBufferEditor.Create(ref value, _scores.Length);
                _scores.CopyTo(editor.Values);
                value = editor.Commit();
            })
            : (ValueGetter<uint>)((ref uint value) =>
            {
                Score();
                value = (uint)ArgMax(_scores) + 1;
            });
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}; a getter of {typeof(TValue).Name} was requested.");
    }

    // Scores once per row; hosts that reuse one input row object for successive predictions
    // (keeping its position) are detected by comparing the feature values.
    private void Score()
    {
        bool changed = _scoredPosition != _input.Position;
        VBuffer<float> buffer = default;
        for (int i = 0; i < _featureGetters.Length; i++)
        {
            _featureGetters[i](ref buffer);
            if (_features[i].Length != buffer.Length)
            {
                _features[i] = new float[buffer.Length];
                changed = true;
            }
            if (!changed && buffer.DenseValues().SequenceEqual(_features[i])) continue;
            changed = true;
            buffer.CopyTo(_features[i]);
        }
        if (!changed) return;
        _transformer.ScoreRow(_features, _scores);
        _scoredPosition = _input.Position;
    }

    private static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
