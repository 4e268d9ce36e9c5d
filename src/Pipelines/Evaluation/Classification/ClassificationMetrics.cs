using System.Text;
using System.Text.Json.Serialization;
using Microsoft.ML.Data;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// What the field reports for a classification task, built on ML.NET's multiclass (and, for two
/// classes, binary) evaluator: WA, UA, macro and weighted F1, per-class precision/recall/F1, and the
/// confusion matrix with class names.
/// </summary>
public sealed record ClassificationMetrics : INamedMetrics
{
    /// <summary>WA, weighted accuracy: correct rows / all rows (ML.NET's <see cref="MulticlassClassificationMetrics.MicroAccuracy"/>).</summary>
    public required double WeightedAccuracy { get; init; }

    /// <summary>UA, unweighted accuracy: the mean of the per-class recalls over the classes that have rows (ML.NET's <see cref="MulticlassClassificationMetrics.MacroAccuracy"/>).</summary>
    public required double UnweightedAccuracy { get; init; }

    /// <summary>Unweighted mean of the per-class F1 scores, over the classes that occur among the labels or the predictions (as scikit-learn's default).</summary>
    public required double MacroF1 { get; init; }

    /// <summary>Per-class F1 weighted by class support (scikit-learn's <c>average='weighted'</c>).</summary>
    public required double WeightedF1 { get; init; }

    /// <summary>ML.NET's multiclass log-loss.</summary>
    public required double LogLoss { get; init; }

    /// <summary>Precision, recall, F1 and support of each class, in class order.</summary>
    public required IReadOnlyList<ClassMetrics> PerClass { get; init; }

    /// <summary>The confusion matrix (rows = actual, columns = predicted) with class names.</summary>
    public required LabeledConfusionMatrix ConfusionMatrix { get; init; }

    /// <summary>ML.NET's binary metrics when the task has exactly two classes and both occur among the labels; otherwise null.</summary>
    public BinaryClassificationSummary? Binary { get; init; }

    /// <summary>The ML.NET metrics these were derived from (top-k accuracy, per-class log-loss, ...), when evaluated from an <see cref="Microsoft.ML.IDataView"/>.</summary>
    [JsonIgnore]
    public MulticlassClassificationMetrics? MlNetMetrics { get; init; }

    /// <summary>The class names, in Score slot order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ClassNames => ConfusionMatrix.ClassNames;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> ToNamedValues()
    {
        var values = new OrderedDictionary<string, double>
        {
            [MetricNames.WeightedAccuracy] = WeightedAccuracy,
            [MetricNames.UnweightedAccuracy] = UnweightedAccuracy,
            [MetricNames.MacroF1] = MacroF1,
            [MetricNames.WeightedF1] = WeightedF1,
            [MetricNames.LogLoss] = LogLoss,
        };
        if (Binary is { } binary)
        {
            values[MetricNames.BinaryAccuracy] = binary.Accuracy;
            values[MetricNames.BinaryF1] = binary.F1;
            values[MetricNames.BinaryAuc] = binary.Auc;
        }
        return values;
    }

    /// <summary>A Markdown section: headline metrics, the per-class table and the confusion matrix.</summary>
    /// <param name="numberFormat">.NET number format of the values (invariant culture).</param>
    public string ToMarkdown(string numberFormat = MetricFormat.DefaultNumberFormat)
    {
        var headline = new MarkdownTable(new[] { "metric", "value" });
        foreach (var (name, value) in ToNamedValues())
            headline.AddRow(new[] { name, MetricFormat.Number(value, numberFormat) });

        var perClass = new MarkdownTable(new[] { "class", "precision", "recall", "F1", "support" });
        foreach (var c in PerClass)
            perClass.AddRow(new[] { c.ClassName, MetricFormat.Number(c.Precision, numberFormat), MetricFormat.Number(c.Recall, numberFormat), MetricFormat.Number(c.F1, numberFormat), c.Support.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var text = new StringBuilder();
        text.Append(headline).AppendLine();
        if (Binary is { } binary)
            text.AppendLine($"Binary metrics with positive class `{binary.PositiveClass}`.").AppendLine();
        text.Append(perClass).AppendLine();
        text.AppendLine("Confusion matrix (rows = actual, columns = predicted):").AppendLine();
        text.Append(ConfusionMatrix.ToMarkdown());
        return text.ToString();
    }
}
