using Microsoft.ML;
using MsaMl.Trainers;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Transforms.Text;

namespace MsaMl.Cli.Tests;

/// <summary>
/// Text -> TokenIds -> a fine-tuned MiniLM (its top layer) -> a regression head, saved in a bundle
/// and scored by <c>msa predict</c> in a process of its own, after the ONNX file the training
/// started from is deleted: the bundle re-creates the encoder from its sizes and holds its weights.
/// </summary>
public sealed class FineTunedTextBundleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-finetuned-text-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public sealed class Sentence
    {
        public string Text { get; set; } = "";
        public float Valence { get; set; }
    }

    private static readonly string[] Positive = { "good", "great", "wonderful", "lovely" };
    private static readonly string[] Negative = { "bad", "awful", "terrible", "boring" };
    private static readonly string[] Subjects = { "the film", "this book", "our trip", "the dinner" };

    private static Sentence[] Make(int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(i =>
        {
            bool positive = i % 2 == 0;
            string word = (positive ? Positive : Negative)[random.Next(4)];
            return new Sentence { Text = $"{Subjects[random.Next(Subjects.Length)]} was {word}", Valence = positive ? 2 : -2 };
        }).ToArray();
    }

    [Fact]
    public void AFineTunedTextEncoderScoresTheSameInAFreshProcessWithoutItsOnnxFile()
    {
        string onnx = MiniLmModelFile.Write(Path.Combine(_folder, "minilm-copy.onnx"));
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Make(16, seed: 3));
        var pipeline = ml.Msa().Transforms.TokenIds(new TokenIdsOptions { MaxTokens = 10 })
            .Append(ml.Msa().Trainers.Composed(FreshProcessPrediction.ValenceRegression(
                new PretrainedTextEncoderOptions { ModelPath = onnx, TrainableLayers = 1, LearningRateMultiplier = 0.1 }, batchSize: 8)));
        var model = pipeline.Fit(data);
        string bundle = Path.Combine(_folder, "fine-tuned-text.zip");
        ml.Msa().Model.Save(model, data.Schema, bundle);
        File.Delete(onnx);

        var engine = ml.Model.CreatePredictionEngine<Sentence, FreshProcessPrediction.ScoreRow>(model);
        foreach (string text in new[] { "the dinner was lovely", "our trip was boring" })
        {
            float inProcess = engine.Predict(new Sentence { Text = text }).Score;
            double fresh = FreshProcessPrediction.Intensity(bundle, "--text", text);
            Assert.True(Math.Abs(fresh - inProcess) < 1e-5, $"'{text}': {fresh} in a fresh process, {inProcess} in the training process");
        }
        Assert.False(File.Exists(onnx));
    }
}
