using System.Text.Json;

namespace MsaMl.Cli.Tests;

/// <summary>Which split the printed and saved metrics come from.</summary>
public sealed class ScoredSplitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-scored-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[] TrainArguments(string table, params string[] more) =>
        ["train", "--dataset", "table", "--root", table, "--map", DemoTable.AudioMap, "--model", "audio", "--quick", "--quiet", "--output", Path.Combine(_folder, "m.zip"), .. more];

    private JsonElement Results() => JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "m.results.json"))).RootElement;

    [Fact]
    public void WithoutTestRowsTheMetricsSayTheyAreTrainingMetricsOnScreenAndInTheResultFile()
    {
        // Before: training accuracy was printed and saved as if it were test accuracy.
        string table = Path.Combine(_folder, "train-only.csv");
        DemoTable.Write(table, "speech", 8, everySplit: "train");

        var (code, output, errors) = CliProcess.Run(TrainArguments(table));

        Assert.True(code == 0, errors);
        Assert.Contains("train split, no test rows: WA", output);
        Assert.Contains("msa: warning: the data has no test rows, so the metrics are computed on the training rows", errors);
        Assert.Equal("train", Results().GetProperty("scoredSplit").GetString());
        Assert.Contains(Results().GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("the data has no test rows"));
    }

    [Fact]
    public void WithTestRowsTheMetricsSayTheyAreTestMetrics()
    {
        string table = Path.Combine(_folder, "split.csv");
        DemoTable.Write(table, "speech", 8);

        var (code, output, errors) = CliCapture.Run(TrainArguments(table, "--json"));

        Assert.True(code == 0, errors);
        Assert.Equal("test", JsonDocument.Parse(output).RootElement.GetProperty("scoredSplit").GetString());
        Assert.DoesNotContain("no test rows", errors);
        Assert.Equal("test", Results().GetProperty("scoredSplit").GetString());
    }
}
