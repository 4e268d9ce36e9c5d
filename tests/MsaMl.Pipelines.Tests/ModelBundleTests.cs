using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Aat;
using MsaMl.Transforms.Text;

namespace MsaMl.Pipelines.Tests;

public sealed class ModelBundleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-bundle-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public sealed class Utterance
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
    }

    public sealed class Prediction
    {
        public float[] Score { get; set; } = Array.Empty<float>();
        public string PredictedText { get; set; } = "";
    }

    internal static readonly Utterance[] Rows =
    {
        new() { Text = "I love this, it is wonderful", Label = "positive" },
        new() { Text = "What a great and happy day", Label = "positive" },
        new() { Text = "This is terrible and sad", Label = "negative" },
        new() { Text = "I hate this awful mess", Label = "negative" },
    };

    /// <summary>ML.NET key mapping -> MsaMl BERT featurizer -> TorchSharp AAT (text only) -> ML.NET key-to-value.</summary>
    internal static (ITransformer Model, IDataView Data) TrainMixedChain(MLContext ml)
    {
        var data = ml.Data.LoadFromEnumerable(Rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { MaxTokens = 8, SentenceEmbeddingColumnName = null }))
            .Append(ml.Msa().Trainers.Aat(new AatOptions { Modalities = Modalities.Text, TextOutDim = 8, Epochs = 5, LearningRate = 0.01, BatchSize = 4 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedText", "PredictedLabel"));
        return (pipeline.Fit(data), data);
    }

    [Fact]
    public void SaveThenLoadTwiceGivesIdenticalScores()
    {
        var ml = new MLContext(seed: 1);
        var (model, data) = TrainMixedChain(ml);
        string path = Path.Combine(_folder, "model.zip");
        ml.Msa().Model.Save(model, data.Schema, path);

        var original = ml.Model.CreatePredictionEngine<Utterance, Prediction>(model);
        foreach (int attempt in new[] { 1, 2 })
        {
            var fresh = new MLContext(seed: 99);
            var loaded = fresh.Msa().Model.Load(path, out var schema);
            Assert.Equal(new[] { "Text", "Label" }, schema.Select(c => c.Name));
            var engine = fresh.Model.CreatePredictionEngine<Utterance, Prediction>(loaded);
            foreach (var row in Rows)
            {
                var expected = original.Predict(new Utterance { Text = row.Text });
                var actual = engine.Predict(new Utterance { Text = row.Text });
                Assert.Equal(expected.PredictedText, actual.PredictedText);
                for (int c = 0; c < expected.Score.Length; c++) Assert.Equal(expected.Score[c], actual.Score[c], tolerance: 1e-6f);
            }
        }
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void TamperedOrTruncatedBundlesAreRefused()
    {
        var ml = new MLContext(seed: 1);
        var (model, data) = TrainMixedChain(ml);
        string path = Path.Combine(_folder, "model.zip");
        ml.Msa().Model.Save(model, data.Schema, path);

        string tampered = Path.Combine(_folder, "tampered.zip");
        File.Copy(path, tampered);
        using (var zip = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            var weights = zip.Entries.Single(e => e.FullName.EndsWith("weights.bin"));
            byte[] bytes;
            using (var s = weights.Open()) { var m = new MemoryStream(); s.CopyTo(m); bytes = m.ToArray(); }
            bytes[^5] ^= 0x55;
            string name = weights.FullName;
            weights.Delete();
            using var w = zip.CreateEntry(name).Open();
            w.Write(bytes);
        }
        var error = Assert.Throws<InvalidDataException>(() => ml.Msa().Model.Load(tampered, out _));
        Assert.Contains("SHA-256", error.Message);
        Assert.Contains("weights.bin", error.Message);

        string truncated = Path.Combine(_folder, "truncated.zip");
        var all = File.ReadAllBytes(path);
        File.WriteAllBytes(truncated, all[..(all.Length / 2)]);
        var truncatedError = Assert.Throws<InvalidDataException>(() => ml.Msa().Model.Load(truncated, out _));
        Assert.Contains("truncated", truncatedError.Message);
    }
}
