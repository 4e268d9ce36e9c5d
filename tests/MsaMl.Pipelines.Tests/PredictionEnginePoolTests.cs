using Microsoft.ML;

namespace MsaMl.Pipelines.Tests;

public sealed class PredictionEnginePoolTests
{
    public sealed class WrongUtterance
    {
        public float Text { get; set; }
        public string Label { get; set; } = "";
    }

    [Fact]
    public void EightThreadsGetTheScoresOfOneThread()
    {
        var ml = new MLContext(seed: 1);
        var (model, _) = ModelBundleTests.TrainMixedChain(ml);
        var single = ml.Model.CreatePredictionEngine<ModelBundleTests.Utterance, ModelBundleTests.Prediction>(model);
        var expected = ModelBundleTests.Rows.Select(r => single.Predict(r).Score.ToArray()).ToArray();

        // Eight idle engines kept: with the default (the processor count), a 2-core machine drops returned engines and makes new ones.
        using var pool = new MsaMl.Pipelines.Scoring.PredictionEnginePool<ModelBundleTests.Utterance, ModelBundleTests.Prediction>(ml, model, maxIdleEngines: 8);
        var mismatches = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (int i = 0; i < 40; i++)
            {
                int row = (thread + i) % ModelBundleTests.Rows.Length;
                var score = pool.Predict(ModelBundleTests.Rows[row]).Score;
                if (!score.Zip(expected[row], (a, b) => Math.Abs(a - b) <= 1e-5f).All(ok => ok)) Interlocked.Increment(ref mismatches);
            }
        });
        Assert.Equal(0, mismatches);
        Assert.InRange(pool.EnginesCreated, 1, 8);
    }

    [Fact]
    public void BadInputGivesTheErrorsOfASingleEngine()
    {
        var ml = new MLContext(seed: 1);
        var (model, _) = ModelBundleTests.TrainMixedChain(ml);
        using var pool = ml.Msa().Model.CreatePredictionEnginePool<ModelBundleTests.Utterance, ModelBundleTests.Prediction>(model);
        var nullRow = Assert.Throws<ArgumentNullException>(() => pool.Predict(null!));
        Assert.Equal("example", nullRow.ParamName);

        var single = Record.Exception(() => ml.Model.CreatePredictionEngine<WrongUtterance, ModelBundleTests.Prediction>(model));
        var pooled = Record.Exception(() => ml.Msa().Model.CreatePredictionEnginePool<WrongUtterance, ModelBundleTests.Prediction>(model));
        Assert.NotNull(single);
        Assert.NotNull(pooled);
        Assert.Equal(single.GetType(), pooled.GetType());
        Assert.Equal(single.Message, pooled.Message);
        Assert.Contains("Text", pooled.Message);
    }
}
