using MsaMl.Experiments;
using System.Text.Json.Nodes;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Trainers.Aat;

namespace MsaMl.Experiments.Tests;

public sealed class EvaluationResultFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-results-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public enum Fusion { Early, Late }

    public sealed class ExperimentOptions
    {
        public string Model { get; set; } = "aat";
        public Fusion Fusion { get; set; } = Fusion.Late;
        public double LearningRate { get; set; } = 0.001;
        public double DropoutOrNaN { get; set; } = double.NaN;
        public int[] HiddenSizes { get; set; } = { 128, 64 };
        public Dictionary<string, string> Extra { get; set; } = new() { ["dataset"] = "demo" };
    }

    [Fact]
    public void MultiSeedFileStoresOptionsSeedsVersionsRunsAndSummary()
    {
        var result = MultiSeedRunner.Run(seed => new NamedMetrics(new Dictionary<string, double> { ["WA"] = seed / 10.0, ["Corr"] = double.NaN }), new[] { 3, 5 });
        string path = Path.Combine(_folder, "nested", "aat.json");

        EvaluationResultFile.Write(path, result, new ExperimentOptions());

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("aat", (string?)json["options"]!["model"]);
        Assert.Equal("Late", (string?)json["options"]!["fusion"]);
        Assert.Equal(64, (int?)json["options"]!["hiddenSizes"]![1]);
        Assert.Equal("demo", (string?)json["options"]!["extra"]!["dataset"]);

        var document = EvaluationResultFile.Read(path);
        Assert.Equal("multi-seed", document.Kind);
        Assert.Equal(new[] { 3, 5 }, document.Seeds);
        Assert.NotNull(document.Versions);
        Assert.StartsWith(typeof(EvaluationResultFile).Assembly.GetName().Version!.ToString(3), document.Versions!.MsaMl);
        Assert.StartsWith("5.", document.Versions.MlNet);
        Assert.StartsWith("0.107", document.Versions.TorchSharp);
        Assert.StartsWith("1.", document.Versions.OnnxRuntime);
        Assert.Equal(new[] { "seed 3", "seed 5" }, document.Runs.Select(r => r.Key));
        Assert.Equal(0.5, document.Runs[1].Metrics["WA"]);
        Assert.True(double.IsNaN(document.Runs[0].Metrics["Corr"]));
        Assert.Equal(0.4, document.Summary["WA"].Mean, 12);
        Assert.Equal(new[] { 0.3, 0.5 }, document.Summary["WA"].Values);
    }

    [Fact]
    public void CrossValidationFileStoresFoldsAndTheGivenSeeds()
    {
        var folds = LeaveOneSessionOut.CreateFolds(new[] { "Ses01", "Ses02" }, s => s);
        var result = LeaveOneSessionOut.Run(folds, f => new NamedMetrics(new Dictionary<string, double> { ["UA"] = f.TestKey == "Ses01" ? 0.6 : 0.7 }));
        string path = Path.Combine(_folder, "loso.json");
        var options = JsonNode.Parse("""{"model":"ote","epochs":3}""");

        EvaluationResultFile.Write(path, result, options, new[] { 42 });
        EvaluationResultFile.Write(path, result, options, new[] { 42 }); // overwrites in place

        var document = EvaluationResultFile.Read(path);
        Assert.Equal("leave-one-session-out", document.Kind);
        Assert.Equal(new[] { 42 }, document.Seeds);
        Assert.Equal(3, (int?)document.Options!["epochs"]);
        Assert.Equal(new[] { "Ses01", "Ses02" }, document.Runs.Select(r => r.Key));
        Assert.All(document.Runs, r => Assert.Null(r.Seed));
        Assert.Equal(0.65, document.Summary["UA"].Mean, 12);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void TrainerOptionsAreStoredWithTheirBaseClassProperties()
    {
        var result = MultiSeedRunner.Run(seed => new NamedMetrics(new Dictionary<string, double> { ["WA"] = 0.5 }), new[] { 1 });
        string path = Path.Combine(_folder, "aat-options.json");

        var document = EvaluationResultFile.Write(path, result, new AatOptions { Epochs = 7, Modalities = AatModalities.Text });

        var options = EvaluationResultFile.Read(path).Options!;
        Assert.Equal(7, (int?)options["epochs"]);
        Assert.Equal("Text", (string?)options["modalities"]);
        Assert.Equal(0.3, (double?)options["lambda"]);
        Assert.Equal(document.Options!.ToJsonString(), options.ToJsonString());
    }
}
