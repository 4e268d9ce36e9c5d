using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Ote;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;

namespace MsaMl.Pipelines.Tests.Persistence;

/// <summary>
/// A bundle saved without the training-time label mapping scores rows that carry only the columns its
/// model reads (Text + AudioPath, Text + ImagePath), and its class names map predictions back to labels.
/// </summary>
public sealed class ScoringColumnsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-scoring-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public sealed class SpeechInput
    {
        public string Text { get; set; } = "";
        public string AudioPath { get; set; } = "";
    }

    public sealed class ImageInput
    {
        public string Text { get; set; } = "";
        public string ImagePath { get; set; } = "";
    }

    public sealed class Prediction
    {
        public float[] Score { get; set; } = Array.Empty<float>();
        public uint PredictedLabel { get; set; }
    }

    // Not in alphabetical order, so a mapping that sorted the classes would show.
    private static readonly string[] Classes = { "loud", "calm" };

    private static MultimodalRecord[] Records(string[] texts, string[] audio, string[] images) =>
        texts.Select((t, i) => new MultimodalRecord
        {
            Id = $"r{i}", Text = t, AudioPath = audio.Length > 0 ? audio[i] : "", ImagePath = images.Length > 0 ? images[i] : "",
            Label = Classes[i % 2], Split = "train",
        }).ToArray();

    private static readonly string[] Texts = { "shouting at the top of my lungs", "a quiet peaceful evening", "so angry right now", "relaxed and still" };

    private static string[] DistinctWavs() =>
        Directory.GetFiles(FixturePaths.Of("iemocap"), "*.wav", SearchOption.AllDirectories).Order()
            .DistinctBy(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))).Take(4).ToArray();

    [Fact]
    public void ASpeechBundleScoresFromTextAndAudioPathAlone()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Records(Texts, DistinctWavs(), []));
        var train = LabelKeys.Apply(ml, Classes, data);
        var scoring = ml.Msa().Transforms.LogSpectrogram(new LogSpectrogramOptions { MelBands = 16, TimeFrames = 32, Deltas = false })
            .Append(ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { MaxTokens = 8, SentenceEmbeddingColumnName = null }))
            .Append(ml.Msa().Trainers.Aat(new AatOptions { AudioEncoder = AatAudioEncoder.SmallCnn, AudioChannels = 8, TextOutDim = 8, Epochs = 2, BatchSize = 4, Seed = 1 }));
        var model = scoring.Fit(train);

        var rows = Texts.Zip(DistinctWavs(), (t, a) => new SpeechInput { Text = t, AudioPath = a }).ToArray();
        var scores = SaveLoadAndScore(ml, model, rows, "speech.zip", new[] { "Text", "AudioPath" });
        Assert.NotEqual(scores[0], scores[1]);   // the rows reach the network

        // A chain that still holds the label mapping cannot be saved with the scoring columns as its input.
        var withLabels = LabelKeys.Mapping(ml, Classes).Fit(data).Append(model);
        var error = Assert.Throws<ArgumentException>(() =>
            ml.Msa().Model.Save(withLabels, ml.Data.LoadFromEnumerable(new List<SpeechInput>()).Schema, Path.Combine(_folder, "labels.zip")));
        Assert.Contains("Label", error.Message);
        Assert.Contains("MapValueToKey", error.Message);
    }

    [Fact]
    public void AnImageBundleScoresFromTextAndImagePathAlone()
    {
        var ml = new MLContext(seed: 1);
        string[] images = new[] { "gray.jpg", "exif-rotate-90.jpg", "cmyk.jpg", "palette.png" }.Select(f => FixturePaths.Of("images", f)).ToArray();
        var train = LabelKeys.Apply(ml, Classes, ml.Data.LoadFromEnumerable(Records(Texts, [], images)));
        var scoring = ml.Msa().Transforms.ImageTensor(new ImageTensorOptions { Width = 16, Height = 16 })
            .Append(ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { MaxTokens = 8, SentenceEmbeddingColumnName = null }))
            .Append(ml.Msa().Trainers.Ote(new OteOptions
            {
                ImageEncoder = OteImageEncoder.SmallCnn, SmallCnnWidths = new[] { 4, 8 }, ImageOutDim = 8, TextOutDim = 8, CrossModalDim = 8,
                Fusion = OteFusion.CrossModal, FeedForwardDim = 16, Hidden = 8, Epochs = 2, BatchSize = 4, Seed = 1,
            }));
        var model = scoring.Fit(train);

        var rows = Texts.Zip(images, (t, i) => new ImageInput { Text = t, ImagePath = i }).ToArray();
        var scores = SaveLoadAndScore(ml, model, rows, "images.zip", new[] { "Text", "ImagePath" });
        Assert.NotEqual(scores[0], scores[1]);
    }

    /// <summary>Saves with <typeparamref name="TInput"/>'s schema, loads in a fresh context, scores through a pool; returns the scores.</summary>
    private float[][] SaveLoadAndScore<TInput>(MLContext ml, ITransformer model, TInput[] rows, string name, string[] columns) where TInput : class
    {
        string path = Path.Combine(_folder, name);
        ml.Msa().Model.Save(model, ml.Data.LoadFromEnumerable(new List<TInput>()).Schema, path);
        var original = ml.Model.CreatePredictionEngine<TInput, Prediction>(model);

        var fresh = new MLContext(seed: 5);
        var loaded = fresh.Msa().Model.Load(path, out var schema);
        Assert.Equal(columns, schema.Select(c => c.Name));
        var classes = fresh.Msa().Model.ClassNames(path);
        Assert.Equal(Classes, classes);
        using var pool = fresh.Msa().Model.CreatePredictionEnginePool<TInput, Prediction>(loaded);
        var scores = new List<float[]>();
        foreach (var row in rows)
        {
            var expected = original.Predict(row);
            var actual = pool.Predict(row);
            Assert.Equal(expected.Score, actual.Score);
            Assert.Equal(expected.PredictedLabel, actual.PredictedLabel);
            // Key k is the k-th class name; the highest score is the predicted class.
            Assert.Equal(classes[Array.IndexOf(actual.Score, actual.Score.Max())], classes[(int)actual.PredictedLabel - 1]);
            scores.Add(actual.Score.ToArray());
        }
        return scores.ToArray();
    }
}
