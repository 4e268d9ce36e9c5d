using System.Globalization;
using System.Text;

namespace MsaMl.Pipelines.Experiments;

/// <summary>Writes the demo's Markdown report (through a temporary file and a rename).</summary>
internal static class DemoReport
{
    public static string Write(DemoOptions options, IReadOnlyList<ModelResult> models, IReadOnlyList<RobustnessResult> robustness, IReadOnlyList<ExamplePrediction> examples)
    {
        var text = new StringBuilder();
        text.AppendLine("# MsaMl demo report").AppendLine();
        text.AppendLine($"Corpus: the embedded synthetic demo corpus (datasets/demo). Seed {options.Seed}{(options.Quick ? ", quick run" : "")}. Metrics on the test split.").AppendLine();
        foreach (var task in models.GroupBy(m => m.Task))
        {
            text.AppendLine($"## {task.Key}").AppendLine();
            text.AppendLine(AblationTable(task.ToList()));
        }
        if (robustness.Count > 0)
        {
            text.AppendLine("## Missing-modality robustness (test accuracy)").AppendLine();
            text.AppendLine("| task | model | both | non-text modality blanked | text blanked |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var r in robustness)
                text.AppendLine(Invariant($"| {r.Task} | {r.Model} | {r.Both:P1} | {r.FirstBlanked:P1} ({r.FirstModality}) | {r.TextBlanked:P1} |"));
            text.AppendLine();
        }
        if (examples.Count > 0)
        {
            text.AppendLine("## Predictions of the reloaded bundles").AppendLine();
            foreach (var e in examples)
                text.AppendLine($"- `{e.Id}` \"{e.Text}\": truth **{e.Truth}**, predicted **{e.Predicted}** ({string.Join(", ", e.Scores.Select(s => Invariant($"{s.Key} {s.Value:F2}")))})");
        }
        string path = Path.Combine(options.OutputFolder, "report.md");
        string temp = path + ".tmp";
        File.WriteAllText(temp, text.ToString());
        File.Move(temp, path, overwrite: true);
        return path;
    }

    public static string AblationTable(IReadOnlyList<ModelResult> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| model | accuracy (WA) | UA | macro F1 | parameters | training s |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var m in rows)
            text.AppendLine(Invariant($"| {m.Model} | {m.Accuracy:P1} | {m.MacroAccuracy:P1} | {m.MacroF1:F3} | {m.Parameters:N0} | {m.SecondsToTrain:F1} |"));
        return text.ToString();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
