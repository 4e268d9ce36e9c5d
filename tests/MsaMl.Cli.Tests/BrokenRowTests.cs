using System.Buffers.Binary;
using System.Text.Json;

namespace MsaMl.Cli.Tests;

/// <summary>
/// A broken image or WAV in a table is named by the table's line and the file, never by a row
/// counted within its split nor behind ML.NET's "Exception thrown in cursoring"; under
/// MissingModality an unreadable image is a warning naming the same.
/// </summary>
public sealed class BrokenRowTests : IDisposable
{
    // 12 rows per split: lines 2-13 train, 14-25 validation, 26-37 test; line 30 is the test split's row 4.
    private const int BrokenLine = 30;

    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-broken-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string TruncatedPng()
    {
        string path = Path.Combine(_folder, "cut.png");
        byte[] png = File.ReadAllBytes(Path.Combine(DemoTable.DemoFolder(), "images", "im005.png"));
        File.WriteAllBytes(path, png[..300]);
        return path;
    }

    /// <summary>A 16 kHz float WAV of a tone whose sample 500 is NaN.</summary>
    private string NanWav()
    {
        const int frames = 8000;
        var bytes = new byte[44 + frames * 4];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), 16000);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), 64000);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(32), 4);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(34), 32);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), frames * 4);
        for (int i = 0; i < frames; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(44 + 4 * i), i == 500 ? float.NaN : 0.3f * MathF.Sin(i * 0.1f));
        string path = Path.Combine(_folder, "nan.wav");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertNamesLineAndFile(int code, string errors, string table, string file)
    {
        Assert.True(code == 2, errors);
        Assert.Contains($"{table}, line {BrokenLine}: ", errors);
        Assert.Contains(file, errors);
        Assert.DoesNotContain("row 4", errors);
        Assert.DoesNotContain("Exception thrown", errors);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("msa: error:"));
    }

    [Theory]
    [InlineData("train")]
    [InlineData("featurize")]
    public void ACorruptImageInATableNamesTheTableLineAndTheFile(string command)
    {
        string image = TruncatedPng(), table = Path.Combine(_folder, "t.csv");
        DemoTable.Write(table, "images", 12, BrokenLine, image);

        var (code, errors) = command == "train"
            ? CliRunner.Run("train", "--dataset", "table", "--root", table, "--map", DemoTable.Map, "--model", "ote", "--quick", "--quiet", "--output", Path.Combine(_folder, "m.zip"))
            : CliRunner.Run("featurize", "--dataset", "table", "--root", table, "--map", DemoTable.Map, "--quick", "--quiet", "--output", Path.Combine(_folder, "f.idv"));

        AssertNamesLineAndFile(code, errors, table, image);
        Assert.Contains("PNG data is truncated", errors);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void WithMissingModalityAnUnreadableImageIsAWarningNamingTheTableLine()
    {
        string image = TruncatedPng(), table = Path.Combine(_folder, "t.csv"), output = Path.Combine(_folder, "m.zip");
        DemoTable.Write(table, "images", 12, BrokenLine, image);

        var (code, errors) = CliRunner.Run("train", "--dataset", "table", "--root", table, "--map", DemoTable.Map, "--model", "ote", "--quick", "--quiet",
            "--set", "featurizers.image.unreadableImages=MissingModality", "--output", output);

        Assert.True(code == 0, errors);
        string warning = Assert.Single(errors.Split('\n'), l => l.StartsWith("msa: warning:"));
        Assert.Contains($"{table}, line {BrokenLine}: cannot read image", warning);
        Assert.Contains(image, warning);
        Assert.Contains("treated as a missing image", warning);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(output, ".results.json")));
        Assert.Contains(results.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains($"line {BrokenLine}: cannot read image"));
    }

    [Fact]
    public void ANonFiniteWavIsAnErrorNamingTheFileInTrainingEvaluationAndPrediction()
    {
        string wav = NanWav(), good = Path.Combine(_folder, "good.csv"), broken = Path.Combine(_folder, "broken.csv"), bundle = Path.Combine(_folder, "m.zip");
        DemoTable.Write(good, "speech", 12);
        DemoTable.Write(broken, "speech", 12, BrokenLine, wav);

        var (code, errors) = CliRunner.Run("train", "--dataset", "table", "--root", broken, "--map", DemoTable.AudioMap, "--model", "audio", "--quick", "--quiet", "--output", bundle);
        AssertNamesLineAndFile(code, errors, broken, wav);
        Assert.Contains("sample 500", errors);
        Assert.Contains("is NaN", errors);

        (code, errors) = CliRunner.Run("train", "--dataset", "table", "--root", good, "--map", DemoTable.AudioMap, "--model", "audio", "--quick", "--quiet", "--output", bundle);
        Assert.True(code == 0, errors);

        // Before: the row dropped out of the metrics while the count still said 12.
        (code, errors) = CliRunner.Run("evaluate", "--model", bundle, "--dataset", "table", "--root", broken, "--map", DemoTable.AudioMap, "--quiet");
        AssertNamesLineAndFile(code, errors, broken, wav);

        // Before: NaN for every class, labelled as the first class, exit 0.
        (code, errors) = CliRunner.Run("predict", "--model", bundle, "--text", "hello", "--audio", wav);
        Assert.True(code == 2, errors);
        Assert.Contains(wav, errors);
        Assert.Contains("is NaN", errors);
    }
}
