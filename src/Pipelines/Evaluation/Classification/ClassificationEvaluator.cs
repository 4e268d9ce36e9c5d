using Microsoft.ML;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// Evaluates scored multiclass data (a <c>Score</c> vector of class probabilities and a key
/// <c>Label</c>) with ML.NET's evaluators and derives what the field reports from their output.
/// </summary>
/// <remarks>
/// <para>WA and UA are ML.NET's micro and macro accuracy; per-class precision and recall and the
/// confusion matrix are ML.NET's <see cref="Microsoft.ML.Data.ConfusionMatrix"/>. Only the F1 scores
/// and their averages are derived here, from those precisions, recalls and row counts.</para>
/// <para>For a two-class task, the Score and Label columns are read with a cursor into a Boolean
/// label (label == positive class), a score P(positive) − P(negative) and a probability P(positive),
/// loaded back as an <see cref="IDataView"/> and passed to
/// <see cref="BinaryClassificationCatalog.Evaluate(IDataView, string, string, string, string)"/>; its
/// default raw-score threshold of 0 then predicts the class with the larger probability, as the
/// multiclass argmax does (an exact tie counts as negative).</para>
/// </remarks>
public static class ClassificationEvaluator
{
    /// <summary>Evaluates scored multiclass data.</summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="data">Scored data: a label (key, or Single class index) and a Score vector, one slot per class.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="scoreColumnName">The score column; its slot names (if any) name the classes.</param>
    /// <param name="predictedLabelColumnName">The predicted label column (a key), as ML.NET's evaluator requires.</param>
    /// <param name="positiveClass">For a two-class task, the class taken as positive in the binary metrics; null = the second class.</param>
    /// <returns>The metrics; <see cref="ClassificationMetrics.Binary"/> is set when there are two classes and both occur among the labels.</returns>
    public static ClassificationMetrics Evaluate(MLContext mlContext, IDataView data,
        string labelColumnName = "Label", string scoreColumnName = "Score", string predictedLabelColumnName = "PredictedLabel",
        string? positiveClass = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(data);

        var mlNet = mlContext.MulticlassClassification.Evaluate(data, labelColumnName, scoreColumnName, predictedLabelColumnName);
        var matrix = mlNet.ConfusionMatrix;
        int classCount = matrix.NumberOfClasses;
        var names = ClassNames.Of(data.Schema, scoreColumnName, labelColumnName, classCount);
        var confusion = new LabeledConfusionMatrix(names, matrix.Counts);

        var support = confusion.Support;
        var predictedCounts = Enumerable.Range(0, classCount).Select(c => confusion.Counts.Sum(row => row[c])).ToArray();
        var perClass = Enumerable.Range(0, classCount)
            .Select(c =>
            {
                double precision = F1Score.ZeroIfUndefined(matrix.PerClassPrecision[c]);
                double recall = F1Score.ZeroIfUndefined(matrix.PerClassRecall[c]);
                return new ClassMetrics(names[c], precision, recall, F1Score.Of(precision, recall), (long)support[c]);
            })
            .ToArray();
        var occurring = Enumerable.Range(0, classCount).Where(c => support[c] > 0 || predictedCounts[c] > 0).ToArray();

        return new ClassificationMetrics
        {
            WeightedAccuracy = mlNet.MicroAccuracy,
            UnweightedAccuracy = mlNet.MacroAccuracy,
            MacroF1 = occurring.Length > 0 ? occurring.Average(c => perClass[c].F1) : double.NaN,
            WeightedF1 = F1Score.SupportWeighted(perClass.Select(c => c.F1).ToArray(), support),
            LogLoss = mlNet.LogLoss,
            PerClass = perClass,
            ConfusionMatrix = confusion,
            Binary = EvaluateBinary(mlContext, data, labelColumnName, scoreColumnName, names, positiveClass),
            MlNetMetrics = mlNet,
        };
    }

    private static BinaryClassificationSummary? EvaluateBinary(MLContext mlContext, IDataView data,
        string labelColumnName, string scoreColumnName, IReadOnlyList<string> names, string? positiveClass)
    {
        if (names.Count != 2)
        {
            if (positiveClass is not null)
                throw new ArgumentException($"A positive class was given but the task has {names.Count} classes, not 2.", nameof(positiveClass));
            return null;
        }
        int positiveIndex = 1;
        if (positiveClass is not null)
        {
            positiveIndex = names.ToList().IndexOf(positiveClass);
            if (positiveIndex < 0)
                throw new ArgumentException($"Positive class '{positiveClass}' is not one of the classes ({string.Join(", ", names)}).", nameof(positiveClass));
        }

        var rows = BinaryViewOfMulticlass.ReadRows(data, labelColumnName, scoreColumnName, positiveIndex);
        if (!rows.Any(r => r.Label) || rows.All(r => r.Label))
            return null; // ML.NET's AUC is undefined without both classes among the labels.

        var binaryView = mlContext.Data.LoadFromEnumerable(rows);
        var binary = mlContext.BinaryClassification.Evaluate(binaryView,
            nameof(BinaryViewOfMulticlass.Row.Label), nameof(BinaryViewOfMulticlass.Row.Score),
            nameof(BinaryViewOfMulticlass.Row.Probability), nameof(BinaryViewOfMulticlass.Row.PredictedLabel));
        return new BinaryClassificationSummary(names[positiveIndex], binary.Accuracy, binary.F1Score, binary.AreaUnderRocCurve,
            binary.PositivePrecision, binary.PositiveRecall);
    }
}
