using System.Globalization;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

/// <summary>Writes the demo's Markdown report and its PNG plots into the output folder.</summary>
internal static class DemoReport
{
    public static string Write(DemoOptions options, IReadOnlyList<ModelResult> models, IReadOnlyList<RobustnessResult> robustness, IReadOnlyList<ExamplePrediction> examples,
        IReadOnlyList<IntensityModelResult> intensity)
    {
        var report = new MarkdownReport("MsaMl demo report")
            .AddParagraph($"Corpus: the embedded synthetic demo corpus (datasets/demo). Seed {options.Seed}{(options.Quick ? ", quick run" : "")}. " +
                          "Metrics on the test split: WA = accuracy, UA = mean per-class recall.");
        foreach (var task in models.GroupBy(m => m.Task))
        {
            var ablation = new AblationTable(new[] { MetricNames.WeightedAccuracy, MetricNames.UnweightedAccuracy, MetricNames.MacroF1, MetricNames.WeightedF1 });
            foreach (var m in task) ablation.Add(m.Model, m.Metrics);
            report.AddAblation(ablation, $"{task.Key}: ablation");

            string bars = $"{task.Key}-ablation.png";
            AblationBarChart.Save(ablation, Path.Combine(options.OutputFolder, bars), title: $"{task.Key}: test accuracy (WA)");
            report.AddImage($"{task.Key} ablation", bars);

            var paper = task.First(m => m.Kind == "both");
            string matrix = $"{task.Key}-confusion.png";
            ConfusionMatrixPlot.Save(paper.Metrics.ConfusionMatrix, Path.Combine(options.OutputFolder, matrix), title: $"{paper.Model}: confusion matrix");
            report.AddImage($"{paper.Model} confusion matrix", matrix);
            if (paper.LearningCurve is { Count: > 0 } curve)
            {
                string learning = $"{task.Key}-learning-curve.png";
                LearningCurvePlot.Save(curve, Path.Combine(options.OutputFolder, learning), title: $"{paper.Model}: learning curve");
                report.AddImage($"{paper.Model} learning curve", learning);
            }

            var missing = new MissingModalityTable(robustness.FirstOrDefault(r => r.Task == task.Key)?.FirstModality ?? "audio");
            foreach (var r in robustness.Where(r => r.Task == task.Key)) missing.Add(r.Model, r.Both, r.FirstBlanked, r.TextBlanked);
            report.AddMissingModality(missing, $"{task.Key}: missing-modality robustness (test accuracy)");

            var complexity = new ComplexityTable();
            foreach (var m in task.Where(m => m.Complexity != null)) complexity.Add(m.Complexity!);
            report.AddComplexity(complexity, $"{task.Key}: complexity (scoring the test split)");
        }
        if (intensity.Count > 0)
        {
            var table = new MarkdownTable(new[] { "model", MetricNames.MeanAbsoluteError, MetricNames.PearsonCorrelation, MetricNames.Has0Accuracy2, MetricNames.Non0Accuracy2, MetricNames.Accuracy7 });
            foreach (var m in intensity)
                table.AddRow(new[] { m.Model, MetricFormat.Number(m.Metrics.MeanAbsoluteError), MetricFormat.Number(m.Metrics.PearsonCorrelation),
                    MetricFormat.Number(m.Metrics.Has0Accuracy2), MetricFormat.Number(m.Metrics.Non0Accuracy2), MetricFormat.Number(m.Metrics.Accuracy7) });
            report.AddSection($"{DemoIntensity.TaskName}: regression (MMSA's metrics, test split)",
                "Sentiment intensity on MOSI's [-3, 3] scale (the valence of each emotion: happy 2, neutral 0, sad -1.5, angry -2.5), " +
                "regression models with MMSA's L1 loss; metrics as MMSA's metricsTop.py computes them." + Environment.NewLine + Environment.NewLine + table);
        }
        if (examples.Count > 0)
            report.AddSection("Predictions of the reloaded bundles", string.Join(Environment.NewLine, examples.Select(e =>
                $"- `{e.Id}` \"{e.Text}\": truth **{e.Truth}**, predicted **{e.Predicted}** ({string.Join(", ", e.Scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:F2}")))})")));
        report.AddVersions();

        string path = Path.Combine(options.OutputFolder, "report.md");
        report.Write(path);
        return path;
    }
}
