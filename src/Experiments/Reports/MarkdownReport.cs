using System.Text;

namespace MsaMl.Experiments;

/// <summary>
/// Builds and writes the Markdown summary of an evaluation: a title, then sections in the order
/// added (ablation table, missing-modality robustness table, complexity table, per-model metrics,
/// links to plots, package versions).
/// </summary>
public sealed class MarkdownReport
{
    private readonly StringBuilder _text = new();

    /// <summary>Starts a report.</summary>
    /// <param name="title">The report's title (a level-1 heading).</param>
    public MarkdownReport(string title)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        _text.Append("# ").AppendLine(title).AppendLine();
    }

    /// <summary>Adds a paragraph of Markdown text.</summary>
    /// <param name="markdown">The text.</param>
    public MarkdownReport AddParagraph(string markdown)
    {
        _text.AppendLine(markdown.TrimEnd()).AppendLine();
        return this;
    }

    /// <summary>Adds a level-2 heading followed by Markdown content.</summary>
    /// <param name="heading">The section heading.</param>
    /// <param name="markdown">The section content.</param>
    public MarkdownReport AddSection(string heading, string markdown)
    {
        ArgumentException.ThrowIfNullOrEmpty(heading);
        _text.Append("## ").AppendLine(heading).AppendLine();
        return AddParagraph(markdown);
    }

    /// <summary>Adds the ablation table (models × metrics).</summary>
    /// <param name="table">The table.</param>
    /// <param name="heading">The section heading.</param>
    /// <param name="numberFormat">.NET number format of the values.</param>
    public MarkdownReport AddAblation(AblationTable table, string heading = "Ablation", string numberFormat = MetricFormat.DefaultNumberFormat)
    {
        ArgumentNullException.ThrowIfNull(table);
        bool repeated = table.Rows.Any(r => r.Metrics.Values.Any(s => s.Count > 1));
        string note = repeated ? "Cells with several runs read mean ± sample standard deviation.\n\n" : "";
        return AddSection(heading, note + table.ToMarkdown(numberFormat));
    }

    /// <summary>Adds the missing-modality robustness table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="heading">The section heading.</param>
    /// <param name="numberFormat">.NET number format of the values.</param>
    public MarkdownReport AddMissingModality(MissingModalityTable table, string heading = "Missing-modality robustness", string numberFormat = MetricFormat.DefaultNumberFormat)
    {
        ArgumentNullException.ThrowIfNull(table);
        return AddSection(heading,
            $"Accuracy on the test split with every input, with the {table.OtherModalityName} blanked, and with the text blanked; the change from full input in brackets.\n\n"
            + table.ToMarkdown(numberFormat));
    }

    /// <summary>Adds the complexity table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="heading">The section heading.</param>
    public MarkdownReport AddComplexity(ComplexityTable table, string heading = "Complexity")
    {
        ArgumentNullException.ThrowIfNull(table);
        return AddSection(heading, table.ToMarkdown());
    }

    /// <summary>Adds one model's classification metrics: headline metrics, per-class table, confusion matrix.</summary>
    /// <param name="model">The model's name (the section heading).</param>
    /// <param name="metrics">Its metrics.</param>
    public MarkdownReport AddClassification(string model, ClassificationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return AddSection(model, metrics.ToMarkdown());
    }

    /// <summary>Adds one model's MMSA regression metrics.</summary>
    /// <param name="model">The model's name (the section heading).</param>
    /// <param name="metrics">Its metrics.</param>
    public MarkdownReport AddRegression(string model, MmsaRegressionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return AddSection(model, metrics.ToMarkdown());
    }

    /// <summary>Adds an image link, e.g. to a plot written next to the report.</summary>
    /// <param name="altText">The image's description.</param>
    /// <param name="relativePath">The image's path relative to the report file.</param>
    public MarkdownReport AddImage(string altText, string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        return AddParagraph($"![{altText}]({relativePath.Replace('\\', '/').Replace(" ", "%20")})");
    }

    /// <summary>Adds the package versions the results were produced with.</summary>
    /// <param name="versions">The versions; null = those of this process.</param>
    public MarkdownReport AddVersions(PackageVersions? versions = null)
    {
        var v = versions ?? PackageVersions.Current();
        var table = new MarkdownTable(new[] { "package", "version" })
            .AddRow(new[] { "MsaMl", v.MsaMl })
            .AddRow(new[] { "ML.NET", v.MlNet })
            .AddRow(new[] { "TorchSharp", v.TorchSharp })
            .AddRow(new[] { "ONNX Runtime", v.OnnxRuntime })
            .AddRow(new[] { ".NET", v.DotNet });
        return AddSection("Versions", table.ToString());
    }

    /// <summary>The report so far.</summary>
    public string ToMarkdown() => _text.ToString().TrimEnd() + Environment.NewLine;

    /// <summary>Writes the report through a temporary file and a rename.</summary>
    /// <param name="path">The .md file to write (its folder is created if needed).</param>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToMarkdown());
}
