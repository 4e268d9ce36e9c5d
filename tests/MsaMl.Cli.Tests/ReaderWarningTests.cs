using System.Text.Json;
using MsaMl.Transforms.Audio;

namespace MsaMl.Cli.Tests;

/// <summary>What a dataset reader left out reaches the user (standard error) and the result file, for every reader.</summary>
public sealed class ReaderWarningTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-readerwarn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string[] Warnings(string errors) => errors.Split('\n').Where(l => l.StartsWith("msa: warning: ")).Select(l => l["msa: warning: ".Length..].TrimEnd('\r')).ToArray();

    private string[] ResultWarnings(string bundle) =>
        JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(bundle, ".results.json"))).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();

    [Fact]
    public void EmoDbSkippedFilesAreWarnedInTrainingAndFeaturizing()
    {
        // Before: only IEMOCAP's warnings were printed; RAVDESS, CREMA-D, TESS and EmoDB's were dropped.
        string root = Path.Combine(_folder, "emodb", "wav");
        Directory.CreateDirectory(root);
        var tone = Enumerable.Range(0, 4800).Select(i => 0.2f * MathF.Sin(i * 0.05f)).ToArray();
        foreach (string name in new[] { "03a01Fa", "03a02Wa", "08b01Fa", "08b02Wb", "09a04Fa", "09a05Wa", "10b03Fa", "10b09Wa", "14a07Fa", "14b10Wa", "15a01Fa", "16a02Wa", "04a01Fa", "03a01Xa" })
            WavWriter.WritePcm16(Path.Combine(root, name + ".wav"), tone, 16000);
        string bundle = Path.Combine(_folder, "m.zip");

        var (code, errors) = CliRunner.Run("train", "--dataset", "emodb", "--root", root, "--model", "audio", "--quick", "--quiet", "--output", bundle);

        Assert.True(code == 0, errors);
        var expected = new[] { "1 file(s) skipped: emotion", "1 file(s) skipped: speaker" };
        foreach (string start in expected)
        {
            Assert.Contains(Warnings(errors), w => w.StartsWith(start));
            Assert.Contains(ResultWarnings(bundle), w => w.StartsWith(start));
        }

        (code, errors) = CliRunner.Run("featurize", "--dataset", "emodb", "--root", root, "--quiet", "--output", Path.Combine(_folder, "f.idv"));
        Assert.True(code == 0, errors);
        foreach (string start in expected) Assert.Contains(Warnings(errors), w => w.StartsWith(start));
    }

    [Fact]
    public void IemocapTrainingReportsTheUtterancesLeftOutOfTheLabelSet()
    {
        string bundle = Path.Combine(_folder, "m.zip");

        var (code, errors) = CliRunner.Run("train", "--dataset", "iemocap", "--root", FixtureRoot.Iemocap(), "--classes", "4", "--model", "text", "--quick", "--quiet", "--output", bundle);

        Assert.True(code == 0, errors);
        foreach (string line in new[]
        {
            "6 utterance(s) of classes outside the 4-class set (exc merged into hap) excluded: dis=1, fea=1, fru=1, oth=1, sur=1, xxx=1",
            "9 of 15 evaluated utterance(s) belong to the 4-class set (exc merged into hap); 6 excluded",
        })
        {
            Assert.Contains(line, Warnings(errors));
            Assert.Contains(line, ResultWarnings(bundle));
        }
    }
}
