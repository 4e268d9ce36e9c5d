using System.Globalization;
using System.Text.Json.Serialization;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// A confusion matrix with its class names: <see cref="Counts"/>[actual][predicted], rows are the
/// labels and columns the predictions, in the class order of the Score column.
/// </summary>
public sealed class LabeledConfusionMatrix
{
    /// <summary>Creates a matrix from class names and square counts (rows = actual class, columns = predicted class).</summary>
    /// <param name="classNames">One name per class.</param>
    /// <param name="counts">counts[actual][predicted]; one row and one column per class.</param>
    [JsonConstructor]
    public LabeledConfusionMatrix(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<double>> counts)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != classNames.Count || counts.Any(row => row.Count != classNames.Count))
            throw new ArgumentException($"Expected a {classNames.Count} x {classNames.Count} matrix, one row and column per class.", nameof(counts));
        ClassNames = classNames.ToArray();
        Counts = counts.Select(row => (IReadOnlyList<double>)row.ToArray()).ToArray();
    }

    /// <summary>The class names, in row/column order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Counts[actual][predicted].</summary>
    public IReadOnlyList<IReadOnlyList<double>> Counts { get; }

    /// <summary>Number of rows labelled <paramref name="actual"/> and predicted as <paramref name="predicted"/>.</summary>
    public double this[int actual, int predicted] => Counts[actual][predicted];

    /// <summary>Number of rows labelled with each class (the row sums).</summary>
    public IReadOnlyList<double> Support => Counts.Select(row => row.Sum()).ToArray();

    /// <summary>The matrix with each row divided by its sum (rows with no examples stay 0), i.e. per-class recall on the diagonal.</summary>
    public IReadOnlyList<IReadOnlyList<double>> RowNormalized() => Counts
        .Select(row =>
        {
            double total = row.Sum();
            return (IReadOnlyList<double>)row.Select(c => total > 0 ? c / total : 0).ToArray();
        })
        .ToArray();

    /// <summary>A Markdown table: one row per actual class, one column per predicted class.</summary>
    public string ToMarkdown()
    {
        var table = new MarkdownTable(ClassNames.Select(name => "→ " + name).Prepend("actual \\ predicted"));
        for (int row = 0; row < ClassNames.Count; row++)
            table.AddRow(Counts[row].Select(c => c.ToString("0.##", CultureInfo.InvariantCulture)).Prepend(ClassNames[row]));
        return table.ToString();
    }
}
