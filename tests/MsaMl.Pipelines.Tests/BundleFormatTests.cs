using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;
using MsaMl.Pipelines.Persistence;
using MsaMl.Transforms.Core;

namespace MsaMl.Pipelines.Tests;

/// <summary>
/// Bundles of earlier formats keep loading, newer ones are refused, and loading stays within its
/// limits. The fixture is a format-1 bundle saved by the code of that format (BERT featurizer ->
/// text-only AAT), with the scores it gave when saved.
/// </summary>
public sealed class BundleFormatTests : IDisposable
{
    private static readonly string Fixture = FixturePaths.Of("bundles", "format1-text-aat.zip");
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-format-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record Expected(string text, string label, float[] scores);

    [Fact]
    public void AFormat1BundleLoadsAndScoresAsWhenItWasSaved()
    {
        var expected = JsonSerializer.Deserialize<Expected[]>(File.ReadAllText(Path.ChangeExtension(Fixture, ".expected.json")))!;
        var ml = new MLContext(seed: 3);
        var model = ml.Msa().Model.Load(Fixture, out var schema);
        Assert.NotNull(schema.GetColumnOrNull("Text"));

        var engine = ml.Model.CreatePredictionEngine<ModelBundleTests.Utterance, ModelBundleTests.Prediction>(model);
        foreach (var row in expected)
        {
            var actual = engine.Predict(new ModelBundleTests.Utterance { Text = row.text });
            Assert.Equal(row.label, actual.PredictedText);
            for (int c = 0; c < row.scores.Length; c++) Assert.Equal(row.scores[c], actual.Score[c], tolerance: 1e-5f);
        }
    }

    [Fact]
    public void ANewerFormatIsRefusedNamingBothVersions()
    {
        string newer = WithManifest("newer.zip", manifest => manifest["FormatVersion"] = BundleManifest.CurrentFormatVersion + 1);

        var error = Assert.Throws<InvalidDataException>(() => new MLContext().Msa().Model.Load(newer, out _));
        Assert.Contains($"format version {BundleManifest.CurrentFormatVersion + 1}", error.Message);
        Assert.Contains($"versions 1 to {BundleManifest.CurrentFormatVersion}", error.Message);
    }

    private string WithManifest(string name, Action<JsonNode> edit)
    {
        string copy = Path.Combine(_folder, name);
        File.Copy(Fixture, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        var entry = zip.GetEntry("manifest.json")!;
        JsonNode manifest;
        using (var read = entry.Open()) manifest = JsonNode.Parse(read)!;
        edit(manifest);
        entry.Delete();
        using var write = zip.CreateEntry("manifest.json").Open();
        write.Write(JsonSerializer.SerializeToUtf8Bytes(manifest));
        return copy;
    }

    [Fact]
    public void AStageOfANewerFormatIsRefusedNamingItsKindAndBothVersions()
    {
        string newer = WithManifest("newer-stage.zip", manifest =>
        {
            var aat = manifest["Stages"]!.AsArray().Single(s => s!["Kind"]!.GetValue<string>() == "MsaMl.Aat")!;
            aat["FormatVersion"] = TransformFactory.FormatVersionOf("MsaMl.Aat") + 1;
        });

        var error = Assert.Throws<InvalidDataException>(() => new MLContext().Msa().Model.Load(newer, out _));
        Assert.Contains("'MsaMl.Aat'", error.Message);
        Assert.Contains($"format version {TransformFactory.FormatVersionOf("MsaMl.Aat") + 1}", error.Message);
        Assert.Contains($"versions 1 to {TransformFactory.FormatVersionOf("MsaMl.Aat")}", error.Message);
    }

    [Fact]
    public void EveryAssemblyDeclaresTheStagesItSaves()
    {
        var error = Assert.Throws<InvalidDataException>(() => TransformFactory.Create("NoSuchKind", new JsonObject()));
        foreach (var kind in new[] { "MsaMl.LogSpectrogram", "MsaMl.BertEmbedding", "MsaMl.ImageTensor", "MsaMl.PretrainedImageFeatures",
                     "MsaMl.Aat", "MsaMl.Ote", "MsaMl.FusionHead", "MsaMl.LateFusion" })
            Assert.Contains(kind, error.Message);
    }

    [Fact]
    public void LoadingRefusesTooManyOrTooLargeEntries()
    {
        var bundle = new MLContext().Msa().Model;
        int entries;
        long largest;
        string largestName;
        using (var zip = ZipFile.OpenRead(Fixture))
        {
            entries = zip.Entries.Count;
            var biggest = zip.Entries.MaxBy(e => e.Length)!;
            (largest, largestName) = (biggest.Length, biggest.FullName);
        }

        var count = Assert.Throws<InvalidDataException>(() => bundle.Load(Fixture, out _, new BundleLoadOptions { MaxEntries = entries - 1 }));
        Assert.Contains($"{entries} entries", count.Message);
        Assert.Contains("MaxEntries", count.Message);

        var size = Assert.Throws<InvalidDataException>(() => bundle.Load(Fixture, out _, new BundleLoadOptions { MaxEntryBytes = largest - 1 }));
        Assert.Contains($"'{largestName}'", size.Message);
        Assert.Contains("MaxEntryBytes", size.Message);

        // At the limits exactly, it loads.
        Assert.NotNull(bundle.Load(Fixture, out _, new BundleLoadOptions { MaxEntries = entries, MaxEntryBytes = largest }));
    }
}
