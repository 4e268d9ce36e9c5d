using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Text;

namespace MsaMl.Transforms.Tests;

public sealed class BertEmbeddingTests
{
    private readonly MLContext _ml = new(seed: 1);

    private static readonly string[] Sentences =
    {
        "I am so happy today, this is wonderful news.",
        "I feel really glad and joyful about this great news.",
        "The train timetable lists departures every fifteen minutes.",
        "",
        "   ",
        string.Join(" ", Enumerable.Repeat("extraordinarily long sentence", 80)),
    };

    private IDataView Embed(BertEmbeddingOptions? options = null)
    {
        var data = _ml.Data.LoadFromEnumerable(Sentences.Select(s => new TextRow { Text = s }));
        return _ml.Msa().Transforms.BertEmbedding(options ?? new BertEmbeddingOptions()).Fit(data).Transform(data);
    }

    [Fact]
    public void SimilarSentencesAreCloserThanUnrelatedOnes()
    {
        var pooled = Columns.Read(Embed(), "TextEmbedding");
        double similar = Columns.Cosine(pooled[0], pooled[1]);
        double unrelated = Columns.Cosine(pooled[0], pooled[2]);
        Assert.True(similar > unrelated + 0.2, $"similar {similar:F3} vs unrelated {unrelated:F3}");
        Assert.Equal(1.0, Math.Sqrt(pooled[0].Sum(v => (double)v * v)), 4);
    }

    [Fact]
    public void TokenEmbeddingsHaveShapeAndZeroPadding()
    {
        var output = Embed();
        Assert.Equal(new[] { 60, 384 }, FeatureColumn.ReadShape(output.Schema["TextTokens"]));
        var tokens = Columns.Read(output, "TextTokens");
        // "I am so happy today, this is wonderful news." -> [CLS] + 12 word pieces + [SEP] = 14 tokens.
        int length = Enumerable.Range(0, 60).Count(t => tokens[0].Skip(t * 384).Take(384).Any(v => v != 0));
        Assert.InRange(length, 12, 16);
        Assert.All(tokens[0].Skip(length * 384), v => Assert.Equal(0f, v));
        // The long text is truncated to exactly MaxTokens.
        Assert.Equal(60, Enumerable.Range(0, 60).Count(t => tokens[5].Skip(t * 384).Take(384).Any(v => v != 0)));
    }

    [Fact]
    public void EmptyOrWhitespaceTextGivesZeroVectors()
    {
        var output = Embed();
        var pooled = Columns.Read(output, "TextEmbedding");
        var tokens = Columns.Read(output, "TextTokens");
        foreach (int row in new[] { 3, 4 })
        {
            Assert.All(pooled[row], v => Assert.Equal(0f, v));
            Assert.All(tokens[row], v => Assert.Equal(0f, v));
        }
    }

    [Fact]
    public void PredictionEngineAgreesWithLengthBucketedBatches()
    {
        var data = _ml.Data.LoadFromEnumerable(Sentences.Select(s => new TextRow { Text = s }));
        var model = _ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { TokenEmbeddingsColumnName = null }).Fit(data);
        var batch = Columns.Read(model.Transform(data), "TextEmbedding");

        var engine = _ml.Model.CreatePredictionEngine<TextRow, PooledOutput>(model);
        for (int i = 0; i < 3; i++)
        {
            var single = engine.Predict(new TextRow { Text = Sentences[i] }).TextEmbedding;
            Assert.True(Columns.Cosine(single, batch[i]) > 0.99999, $"row {i}");
            Assert.Equal(batch[i][0], single[0], tolerance: 1e-4f);
        }
    }

    public sealed class PooledOutput
    {
        [VectorType(384)]
        public float[] TextEmbedding { get; set; } = Array.Empty<float>();
    }

    [Fact]
    public void OptionsRoundTripThroughJson()
    {
        var data = _ml.Data.LoadFromEnumerable(Sentences.Take(3).Select(s => new TextRow { Text = s }));
        var model = _ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { MaxTokens = 16, TokenEmbeddingsColumnName = "T" }).Fit(data);
        var recreated = (BertEmbeddingTransformer)TransformFactory.Create(model.Kind, model.SaveOptions());
        Assert.Equal(16, recreated.Options.MaxTokens);
        Assert.Equal(Columns.Read(model.Transform(data), "T"), Columns.Read(recreated.Transform(data), "T"));
    }

    [Fact]
    public void MissingCustomModelFileIsNamed()
    {
        var error = Assert.Throws<FileNotFoundException>(() =>
            new BertEmbeddingTransformer(new BertEmbeddingOptions { ModelPath = "/no/such/bert.onnx", VocabPath = "/no/such/vocab.txt" }));
        Assert.Contains("/no/such/bert.onnx", error.Message);
    }
}
