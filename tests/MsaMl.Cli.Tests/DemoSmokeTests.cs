namespace MsaMl.Cli.Tests;

public sealed class DemoSmokeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-demo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void QuickDemoWritesReportAndReloadableBundles()
    {
        var (code, output, errors) = CliCapture.Run("demo", "--quick", "--output", _folder);
        Assert.True(code == 0, errors);
        // Redirected: plain stage lines on standard error, not Spectre's "evaluated Audio only in 6.6 s: 0%".
        Assert.Matches(@"(?m)^msa: speech: evaluated Audio only in [0-9.]+ s$", errors);
        Assert.DoesNotContain(": 0%", output + errors);

        string report = File.ReadAllText(Path.Combine(_folder, "report.md"));
        foreach (var model in new[] { "Audio only", "Text only", "AAT (audio + text)", "Image only", "OTE (image + text)", "Early fusion", "Late fusion" })
            Assert.Contains(model, report);
        Assert.Contains("missing-modality robustness", report);
        Assert.Contains("complexity", report);
        Assert.True(File.Exists(Path.Combine(_folder, "speech-confusion.png")));
        Assert.True(File.Exists(Path.Combine(_folder, "results.json")));
        Assert.Contains("Predictions of the reloaded bundles", report);
        Assert.Contains("speech intensity: regression (MMSA's metrics, test split)", report);
        Assert.Contains("| model | MAE | Corr | Has0_acc_2 | Non0_acc_2 | Mult_acc_7 |", report);

        string bundle = Path.Combine(_folder, "ote.zip");
        Assert.True(File.Exists(Path.Combine(_folder, "aat.zip")));
        var (predictCode, predictErrors) = CliRunner.Run("predict", "--model", bundle, "--text", "a lovely happy day");
        Assert.True(predictCode == 0, predictErrors);
    }
}
