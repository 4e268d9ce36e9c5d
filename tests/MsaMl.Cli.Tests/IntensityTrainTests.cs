using System.Text.Json;

namespace MsaMl.Cli.Tests;

/// <summary><c>msa train</c> on MOSI/MOSEI/SIMS label files without audio: text-only regression with MMSA's metrics.</summary>
public sealed class IntensityTrainTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-intensity-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Code, string Output, string Errors) Train(params string[] args) =>
        CliCapture.Run(["train", .. args, "--quick", "--output", Path.Combine(_folder, "model.zip")]);

    private JsonElement Results() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "model.results.json"))).RootElement;

    [Theory]
    [InlineData("mosi", "MOSI-id", "no audio folder")]
    [InlineData("mosei", "MOSEI", "found only under a rounded clip id")]
    public void TextOnlyRegressionOnBothIdFormsPrintsMmsaMetrics(string dataset, string fixture, string warning)
    {
        var (code, output, errors) = Train("--dataset", dataset, "--root", FixtureRoot.Of("mosi", fixture), "--model", "text", "--json");

        Assert.True(code == 0, errors);
        using var json = JsonDocument.Parse(output);
        var metrics = json.RootElement.GetProperty("metrics");
        Assert.Equal(["Has0_acc_2", "Has0_F1_score", "Non0_acc_2", "Non0_F1_score", "Mult_acc_5", "Mult_acc_7", "MAE", "Corr"],
            metrics.EnumerateObject().Select(p => p.Name));
        double mae = metrics.GetProperty("MAE").GetProperty("mean").GetDouble();
        Assert.InRange(mae, 0, 6);
        Assert.InRange(metrics.GetProperty("Has0_acc_2").GetProperty("mean").GetDouble(), 0, 1);
        Assert.Equal("regression", json.RootElement.GetProperty("task").GetString());
        Assert.True(File.Exists(Path.Combine(_folder, "model.zip")));

        var results = Results();
        Assert.StartsWith("MMSA regression", results.GetProperty("protocol").GetString());
        Assert.Contains("Non0 = rows whose label != 0", results.GetProperty("protocol").GetString());
        Assert.Equal(mae, results.GetProperty("summary").GetProperty("MAE").GetProperty("mean").GetDouble(), 9);
        Assert.Contains("msa: warning: ", errors);
        Assert.Contains(warning, errors);
    }

    [Fact]
    public void SimsReportsSimsMetricsAndWarnsAboutTheEnglishVocabulary()
    {
        var (code, output, errors) = Train("--dataset", "sims", "--root", FixtureRoot.Of("mosi", "SIMS"), "--model", "text", "--json");

        Assert.True(code == 0, errors);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["Mult_acc_2", "Mult_acc_3", "Mult_acc_5", "F1_score", "MAE", "Corr"],
            json.RootElement.GetProperty("metrics").EnumerateObject().Select(p => p.Name));
        Assert.Contains("[UNK]", errors);
        Assert.Contains("featurizers.text.modelPath", errors);
        Assert.Contains("__eval_sims_regression", Results().GetProperty("protocol").GetString());
    }

    [Fact]
    public void TwoSeedsGiveMeanAndStdAndTheSameSeedTheSameMetrics()
    {
        string root = FixtureRoot.Of("mosi", "MOSI-id");
        var (code, _, errors) = Train("--dataset", "mosi", "--root", root, "--model", "text", "--seeds", "2");
        Assert.True(code == 0, errors);
        var mae = Results().GetProperty("summary").GetProperty("MAE");
        Assert.Equal(2, mae.GetProperty("values").GetArrayLength());
        double firstSeed = mae.GetProperty("values")[0].GetDouble();

        var (again, _, againErrors) = Train("--dataset", "mosi", "--root", root, "--model", "text", "--seed", "1");
        Assert.True(again == 0, againErrors);
        Assert.Equal(firstSeed, Results().GetProperty("summary").GetProperty("MAE").GetProperty("mean").GetDouble(), 6);
    }

    [Fact]
    public void TheResultFileRerunsTheSameRegressionRun()
    {
        string root = FixtureRoot.Of("mosi", "MOSI-id");
        var (code, _, errors) = Train("--dataset", "mosi", "--root", root, "--model", "text", "--loss", "mse");
        Assert.True(code == 0, errors);
        var first = Results();
        Assert.Equal("Regression", first.GetProperty("configuration").GetProperty("dataset").GetProperty("task").GetString());

        string results = Path.Combine(_folder, "first.results.json");
        File.Copy(Path.Combine(_folder, "model.results.json"), results);
        var (again, _, againErrors) = CliCapture.Run("train", "--config", results, "--output", Path.Combine(_folder, "model.zip"));
        Assert.True(again == 0, againErrors);
        Assert.Equal("Mse", Results().GetProperty("configuration").GetProperty("model").GetProperty("regressionLoss").GetString());
        Assert.Equal(first.GetProperty("summary").GetProperty("MAE").GetProperty("mean").GetDouble(), Results().GetProperty("summary").GetProperty("MAE").GetProperty("mean").GetDouble(), 9);
    }

    [Fact]
    public void TheSavedRegressionBundleEvaluatesAndPredictsAnIntensity()
    {
        string root = FixtureRoot.Of("mosi", "MOSI-id");
        string bundle = Path.Combine(_folder, "model.zip");
        var (code, _, errors) = Train("--dataset", "mosi", "--root", root, "--model", "text");
        Assert.True(code == 0, errors);
        double trainedMae = Results().GetProperty("summary").GetProperty("MAE").GetProperty("mean").GetDouble();

        var (evaluated, evaluation, evaluateErrors) = Capture("evaluate", "--model", bundle, "--dataset", "mosi", "--root", root, "--json");
        Assert.True(evaluated == 0, evaluateErrors);
        using var metrics = JsonDocument.Parse(evaluation);
        Assert.Equal(3, metrics.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(trainedMae, metrics.RootElement.GetProperty("metrics").GetProperty("MAE").GetDouble(), 5);

        var (predicted, prediction, predictErrors) = Capture("predict", "--model", bundle, "--text", "I LOVED IT", "--json");
        Assert.True(predicted == 0, predictErrors);
        using var intensity = JsonDocument.Parse(prediction);
        Assert.InRange(intensity.RootElement.GetProperty("intensity").GetDouble(), -10, 10);
    }

    private static (int Code, string Output, string Errors) Capture(params string[] args) => CliCapture.Run(args);

    [Fact]
    public void ClassificationViewStaysAvailable()
    {
        var (code, output, errors) = Train("--dataset", "mosi", "--root", FixtureRoot.Of("mosi", "MOSI-id"), "--model", "text", "--task", "classification", "--json");

        Assert.True(code == 0, errors);
        using var json = JsonDocument.Parse(output);
        Assert.InRange(json.RootElement.GetProperty("metrics").GetProperty("WA").GetProperty("mean").GetDouble(), 0, 1);
    }

    [Theory]
    [InlineData("aat")]
    [InlineData("early")]
    [InlineData("late")]
    [InlineData("tfn")]
    [InlineData("attention")]
    public void EveryModelTrainsRegressionOnClipsWithAudio(string model)
    {
        var (code, output, errors) = Train("--dataset", "mosi", "--root", FixtureRoot.Of("mosi", "MOSI"), "--model", model, "--json");

        Assert.True(code == 0, errors);
        using var json = JsonDocument.Parse(output);
        Assert.InRange(json.RootElement.GetProperty("metrics").GetProperty("MAE").GetProperty("mean").GetDouble(), 0, 6);
        Assert.True(File.Exists(Path.Combine(_folder, "model.zip")));
    }

    [Fact]
    public void TheConfigFileChoosesTheRegressionLossByName()
    {
        string config = Path.Combine(_folder, "settings.json");
        File.WriteAllText(config, "{ \"model\": { \"regressionLoss\": \"Mse\", \"epochs\": 2 } }");

        var (code, _, errors) = Train("--dataset", "mosi", "--root", FixtureRoot.Of("mosi", "MOSI-id"), "--model", "text", "--config", config);

        Assert.True(code == 0, errors);
        Assert.Equal("Mse", Results().GetProperty("configuration").GetProperty("model").GetProperty("regressionLoss").GetString());
        Assert.Equal(2, Results().GetProperty("configuration").GetProperty("model").GetProperty("epochs").GetInt32());
        var (bad, _, badErrors) = Train("--dataset", "mosi", "--root", FixtureRoot.Of("mosi", "MOSI-id"), "--model", "text", "--loss", "huber");
        Assert.Equal(2, bad);
        Assert.Contains("Unknown --loss 'huber'; expected l1 or mse", badErrors);
    }

    [Fact]
    public void AnAudioModelWithoutAudioIsOneClearError()
    {
        var (code, _, errors) = Train("--dataset", "mosi", "--root", FixtureRoot.Of("mosi", "MOSI-id"), "--model", "audio");

        Assert.Equal(2, code);
        Assert.Contains("no clip has audio", errors);
    }
}
