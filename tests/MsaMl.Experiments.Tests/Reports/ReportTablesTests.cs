using MsaMl.Experiments;
using Microsoft.ML;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments.Tests;

public sealed class ReportTablesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static AblationTable SampleAblation()
    {
        var seeds = MultiSeedRunner.Run(seed => new NamedMetrics(new Dictionary<string, double> { ["WA"] = 0.70 + seed / 100.0, ["UA"] = 0.65 }));
        return new AblationTable(new[] { "WA", "UA" })
            .Add("text only", new NamedMetrics(new Dictionary<string, double> { ["WA"] = 0.61, ["UA"] = 0.58 }))
            .Add("audio only", new NamedMetrics(new Dictionary<string, double> { ["WA"] = 0.55 }))
            .Add("AAT (text + audio)", seeds.Summary);
    }

    [Fact]
    public void AblationTableShowsSingleValuesAndMeanPlusMinusStd()
    {
        string markdown = SampleAblation().ToMarkdown();

        Assert.Contains("| model | WA | UA |", markdown);
        Assert.Contains("| text only | 0.6100 | 0.5800 |", markdown);
        Assert.Contains("| audio only | 0.5500 | — |", markdown);
        Assert.Contains("| AAT (text + audio) | 0.7300 ± 0.0158 | 0.6500 ± 0.0000 |", markdown);
    }

    [Fact]
    public void MissingModalityAndComplexityTables()
    {
        var robustness = new MissingModalityTable("image")
            .Add("OTE", 0.80, 0.75, 0.52)
            .Add("text only", 0.70, null, 0.33);
        string table = robustness.ToMarkdown();
        Assert.Contains("| model | both modalities | image blanked | text blanked |", table);
        Assert.Contains("| OTE | 0.8000 | 0.7500 (−0.0500) | 0.5200 (−0.2800) |", table);
        Assert.Contains("| text only | 0.7000 | — | 0.3300 (−0.3700) |", table);

        var complexity = new ComplexityTable().Add(new ComplexityRow("AAT", 1234567, 512.25, 1.5));
        Assert.Contains("| AAT | 1,234,567 | 512.3 | 1.500 |", complexity.ToMarkdown());
    }

    [Fact]
    public void MarkdownReportIsWrittenWithEverySection()
    {
        var ml = new MLContext(seed: 1);
        var scored = ScoredData.FromPairs(ml, new[] { "neg", "pos" }, new[] { (0, 0), (0, 1), (1, 1), (1, 1) });
        string path = Path.Combine(_folder, "report.md");

        new MarkdownReport("MsaMl demo")
            .AddParagraph("Demo corpus, test split.")
            .AddAblation(SampleAblation())
            .AddMissingModality(new MissingModalityTable().Add("AAT", 0.8, 0.6, 0.5))
            .AddComplexity(new ComplexityTable().Add(new ComplexityRow("AAT", 1000, 300, 0.8)))
            .AddClassification("AAT", ClassificationEvaluator.Evaluate(ml, scored))
            .AddRegression("MOSI regression", MmsaRegressionEvaluator.Evaluate(new[] { 1f, -1f }, new[] { 2f, -0.5f }))
            .AddImage("confusion matrix", "plots/confusion aat.png")
            .AddVersions()
            .Write(path);

        string text = File.ReadAllText(path);
        Assert.StartsWith("# MsaMl demo", text);
        foreach (string heading in new[] { "## Ablation", "## Missing-modality robustness", "## Complexity", "## AAT", "## MOSI regression", "## Versions" })
            Assert.Contains(heading, text);
        Assert.Contains("mean ± sample standard deviation", text);
        Assert.Contains("audio blanked", text);
        Assert.Contains("Binary metrics with positive class `pos`", text);
        Assert.Contains("![confusion matrix](plots/confusion%20aat.png)", text);
        Assert.Contains("| TorchSharp | 0.107", text);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }
}
