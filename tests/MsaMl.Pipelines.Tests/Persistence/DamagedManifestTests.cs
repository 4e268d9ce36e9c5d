using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;
using MsaMl.Pipelines.Persistence;

namespace MsaMl.Pipelines.Tests.Persistence;

/// <summary>
/// Damaged or altered manifests (issue 18, part 2, items 6 and 8): each is one <see cref="InvalidDataException"/>
/// whose message starts with the bundle's path and says what was expected, never a JSON, null-reference, key or
/// overflow exception. The bundles are the format-1 fixture with its manifest edited.
/// </summary>
public sealed class DamagedManifestTests : IDisposable
{
    private static readonly string Fixture = FixturePaths.Of("bundles", "format1-text-aat.zip");
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-damaged-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonNode Aat(JsonNode m) => m["Stages"]!.AsArray().Single(s => s?["Kind"]?.GetValue<string>() == "MsaMl.Aat")!;

    public static TheoryData<string, string> Edits() => new()
    {
        { "truncated", "manifest.json is not a bundle manifest" },
        { "array", "manifest.json is not a bundle manifest" },
        { "stages-number", "at $.Stages" },
        { "stages-null", "'Stages' is missing" },
        { "stage-null", "stage 0 is null" },
        { "kind-null", "has no 'Kind'" },
        { "hashes-null", "'Sha256' is missing or null" },
        { "labels-null", "'LabelNames' is missing or null" },
        { "schema-null", "'InputSchema' is missing or null" },
        { "schema-negative", "unsupported type 'Vector<Single,-3>'" },
        { "options-wrong-type", "at $.Epochs" },
        { "spec-null", "has no 'spec' object" },
        { "shape-negative", "the shape [-1, 8]" },
        { "artifact-missing", "names entry 'nothere', which 'Sha256' does not list" },
        { "max-tokens", "MaxTokens: expected 3" },
        { "unknown-kind", "'NoSuchKind'" },
        { "spec-classes-fewer", "1 classes" },
        { "labels-fewer", "lists 1 class names" },
        { "labels-more", "lists 3 class names" },
        { "labels-reordered", "expected the same names in the same order" },
        { "labels-repeated", "lists class 'positive' twice" },
    };

    private static string? Edit(string name, JsonNode m)
    {
        switch (name)
        {
            case "truncated": return m.ToJsonString()[..200];
            case "array": return "[]";
            case "stages-number": m["Stages"] = 5; break;
            case "stages-null": m["Stages"] = null; break;
            case "stage-null": m["Stages"]![0] = null; break;
            case "kind-null": Aat(m)["Kind"] = null; break;
            case "hashes-null": m["Sha256"] = null; break;
            case "labels-null": m["LabelNames"] = null; break;
            case "schema-null": m["InputSchema"] = null; break;
            case "schema-negative": m["InputSchema"]![0]!["Type"] = "Vector<Single,-3>"; break;
            case "options-wrong-type": Aat(m)["Options"]!["trainerOptions"]!["Epochs"] = "many"; break;
            case "spec-null": Aat(m)["Options"]!["spec"] = null; break;
            case "shape-negative": Aat(m)["Options"]!["spec"]!["RowShapes"] = new JsonArray(new JsonArray(-1, 8)); break;
            case "artifact-missing": Aat(m)["Artifacts"]!["weights.bin"] = "nothere"; break;
            case "max-tokens": m["Stages"]![1]!["Options"]!["MaxTokens"] = int.MaxValue; break;
            case "unknown-kind": m["Stages"]![1]!["Kind"] = "NoSuchKind"; break;
            case "spec-classes-fewer": Aat(m)["Options"]!["spec"]!["ClassNames"] = new JsonArray("positive"); break;
            case "labels-fewer": m["LabelNames"] = new JsonArray("positive"); break;
            case "labels-more": m["LabelNames"] = new JsonArray("positive", "negative", "neutral"); break;
            case "labels-reordered": m["LabelNames"] = new JsonArray("negative", "positive"); break;
            case "labels-repeated": m["LabelNames"] = new JsonArray("positive", "positive"); break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
        return m.ToJsonString();
    }

    private string WithManifest(string name, Func<JsonNode, string?> edit)
    {
        string copy = Path.Combine(_folder, name + ".zip");
        File.Copy(Fixture, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        var entry = zip.GetEntry("manifest.json")!;
        JsonNode manifest;
        using (var read = entry.Open()) manifest = JsonNode.Parse(read)!;
        string text = edit(manifest) ?? manifest.ToJsonString();
        entry.Delete();
        using var write = zip.CreateEntry("manifest.json").Open();
        write.Write(Encoding.UTF8.GetBytes(text));
        return copy;
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void ADamagedManifestIsOneErrorNamingTheBundleAndWhatWasExpected(string edit, string expected)
    {
        string bundle = WithManifest(edit, m => Edit(edit, m));

        var error = Assert.Throws<InvalidDataException>(() => new MLContext().Msa().Model.Load(bundle, out _));

        Assert.StartsWith(bundle, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(Environment.NewLine, error.Message);
    }

    [Fact]
    public void AnEntryNoStageUsesIsRefusedBeforeItIsRead()
    {
        // A large entry of zeros, listed with its correct hash: the memory bomb of the issue, at test scale.
        var zeros = new byte[4 << 20];
        string bundle = WithManifest("extra", m =>
        {
            m["Sha256"]!["padding.bin"] = Convert.ToHexString(SHA256.HashData(zeros));
            return null;
        });
        using (var zip = ZipFile.Open(bundle, ZipArchiveMode.Update))
        using (var write = zip.CreateEntry("padding.bin", CompressionLevel.Optimal).Open())
            write.Write(zeros);

        var error = Assert.Throws<InvalidDataException>(() => new MLContext().Msa().Model.Load(bundle, out _));
        Assert.Contains("entry 'padding.bin' is used by no stage", error.Message);
    }

    [Fact]
    public void TheZipDirectoryIsCheckedAgainstTheTotalLimitsBeforeAnyEntryIsRead()
    {
        long total, weights;
        using (var zip = ZipFile.OpenRead(Fixture))
        {
            total = zip.Entries.Sum(e => e.Length);
            weights = zip.Entries.Where(e => e.FullName != "manifest.json").Sum(e => e.Length);
        }
        var bundle = new MLContext().Msa().Model;

        var all = Assert.Throws<InvalidDataException>(() => bundle.Load(Fixture, out _, new BundleLoadOptions { MaxTotalBytes = total - 1 }));
        Assert.Contains($"declare {total} bytes in all", all.Message);
        Assert.Contains("MaxTotalBytes", all.Message);

        var memory = Assert.Throws<InvalidDataException>(() => bundle.Load(Fixture, out _, new BundleLoadOptions { MaxInMemoryBytes = weights - 1 }));
        Assert.Contains("MaxInMemoryBytes", memory.Message);

        Assert.NotNull(bundle.Load(Fixture, out _, new BundleLoadOptions { MaxTotalBytes = total, MaxInMemoryBytes = weights }));
    }

    [Fact]
    public void ASavedBundleCarriesItsManifestHashAndAnEditedManifestIsRefused()
    {
        var ml = new MLContext(seed: 1);
        var (model, data) = ModelBundleTests.TrainMixedChain(ml);
        string bundle = Path.Combine(_folder, "saved.zip");
        ml.Msa().Model.Save(model, data.Schema, bundle);
        Assert.NotNull(new MLContext().Msa().Model.Load(bundle, out _));

        // Reorder the class names consistently everywhere in the manifest, keeping the zip's comment.
        using (var zip = ZipFile.Open(bundle, ZipArchiveMode.Update))
        {
            Assert.StartsWith("msaml-manifest-sha256:", zip.Comment);
            var entry = zip.GetEntry("manifest.json")!;
            string text;
            using (var reader = new StreamReader(entry.Open())) text = reader.ReadToEnd();
            entry.Delete();
            using var write = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            write.Write(text.Replace("\"positive\"", "\"tmp\"").Replace("\"negative\"", "\"positive\"").Replace("\"tmp\"", "\"negative\""));
        }
        var error = Assert.Throws<InvalidDataException>(() => new MLContext().Msa().Model.Load(bundle, out _));
        Assert.StartsWith(bundle, error.Message);
        Assert.Contains("manifest.json has SHA-256", error.Message);
    }
}
