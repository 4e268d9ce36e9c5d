using Microsoft.ML;
using MsaMl.Trainers;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Text;

namespace MsaMl.Pipelines.Tests;

/// <summary>Text -> TokenIds -> the Word2Vec-type encoder with a regression head, saved in a bundle and loaded back.</summary>
public sealed class WordEmbeddingBundleTests
{
    public sealed class Sentence
    {
        public string Text { get; set; } = "";
        public float Valence { get; set; }
    }

    public sealed class Prediction
    {
        public float Score { get; set; }
    }

    private static readonly string[] Positive = { "good", "great", "wonderful", "lovely" };
    private static readonly string[] Negative = { "bad", "awful", "terrible", "boring" };
    private static readonly string[] Subjects = { "the film", "this book", "our trip", "the dinner", "that song", "my day" };

    private static Sentence[] Make(int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(i =>
        {
            bool positive = i % 2 == 0;
            string word = (positive ? Positive : Negative)[random.Next(4)];
            return new Sentence { Text = $"{Subjects[random.Next(Subjects.Length)]} was really {word} today", Valence = positive ? 2 : -2 };
        }).ToArray();
    }

    [Fact]
    public void ABundleWithTheWordEmbeddingEncoderLoadsAndScoresTheSame()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Make(48, seed: 3));
        var pipeline = ml.Msa().Transforms.TokenIds(new TokenIdsOptions { MaxTokens = 12 })
            .Append(ml.Msa().Trainers.Composed(new ComposedOptions
            {
                Encoders = { new WordEmbeddingOptions { EmbeddingDim = 8, Pooling = WordPooling.Attention } },
                Head = new MlpHeadOptions { Dropout = 0 },
                OutputKind = TorchOutputKind.Regression,
                LabelColumnName = "Valence",
                Epochs = 8,
                LearningRate = 0.03,
                BatchSize = 8,
                Seed = 2,
            }));
        var model = pipeline.Fit(data);
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "word-embedding.zip");
        ml.Msa().Model.Save(model, data.Schema, path);

        var fresh = new MLContext(seed: 5);
        var loaded = fresh.Msa().Model.Load(path, out _);
        var original = ml.Model.CreatePredictionEngine<Sentence, Prediction>(model);
        var reloaded = fresh.Model.CreatePredictionEngine<Sentence, Prediction>(loaded);
        var held = Make(20, seed: 4);
        foreach (var row in held)
            Assert.Equal(original.Predict(row).Score, reloaded.Predict(row).Score, 1e-6f);
        // It learned the task too: the sign of the held-out predictions is the sign of the valence.
        Assert.True(held.Count(r => Math.Sign(reloaded.Predict(r).Score) == Math.Sign(r.Valence)) >= 17);
    }
}
