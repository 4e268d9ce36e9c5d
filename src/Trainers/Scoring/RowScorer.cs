using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;

namespace MsaMl.Trainers.Scoring;

/// <summary>Scores the current input row once (when its Score or PredictedLabel is first read); a regression model's Score is its one output.</summary>
internal sealed class RowScorer : RowMapper
{
    private readonly TorchScoringTransformer _transformer;
    private readonly DataViewRow _input;
    private readonly ValueGetter<VBuffer<float>>[] _featureGetters;
    private readonly float[][] _features;
    private readonly float[] _scores;
    private long _scoredPosition = -1;

    public RowScorer(TorchScoringTransformer transformer, DataViewRow input)
    {
        _transformer = transformer;
        _input = input;
        _featureGetters = transformer.FeatureColumns.Select(c => input.GetGetter<VBuffer<float>>(input.Schema[c])).ToArray();
        _features = transformer.FeatureColumns.Select(_ => Array.Empty<float>()).ToArray();
        _scores = new float[transformer.Spec.Outputs];
    }

    public override Delegate GetGetter(int output) => GetterOf(_transformer.OutputColumnNames[output]);

    private Delegate GetterOf(string column)
    {
        var spec = _transformer.Spec;
        if (column == spec.ScoreColumn)
            return spec.Regression ? RegressionScore() : ClassificationColumns.ScoreGetter(_scores, Score);
        if (column == spec.PredictedLabelColumn) return ClassificationColumns.PredictedLabelGetter(_scores, Score);
        if (column == spec.BinaryScoreColumn) return BinaryScore();
        if (column == spec.BinaryPredictedLabelColumn) return BinaryPredictedLabel();
        throw new ArgumentOutOfRangeException(nameof(column), $"'{column}' is not an output column of '{_transformer.Kind}'.");
    }

    private ValueGetter<float> RegressionScore() => (ref float value) =>
    {
        Score();
        value = _scores[0];
    };

    // Log-odds of the second class, the scalar score ML.NET's binary evaluators read.
    private ValueGetter<float> BinaryScore() => (ref float value) =>
    {
        Score();
        value = MathF.Log(Math.Max(_scores[1], 1e-30f)) - MathF.Log(Math.Max(_scores[0], 1e-30f));
    };

    private ValueGetter<bool> BinaryPredictedLabel() => (ref bool value) =>
    {
        Score();
        value = _scores[1] > _scores[0];
    };

    // Hosts that reuse one input row object for successive predictions keep its position, so a
    // change of feature values also triggers scoring.
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
            if (!changed && buffer.IsDense && buffer.GetValues().SequenceEqual(_features[i])) continue;
            changed = true;
            buffer.CopyTo(_features[i].AsSpan());
        }
        if (!changed) return;
        _transformer.ScoreRow(_features, _scores);
        _scoredPosition = _input.Position;
    }
}
