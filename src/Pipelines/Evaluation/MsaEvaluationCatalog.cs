using Microsoft.ML;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// MsaMl's evaluators on an <see cref="MLContext"/>: <c>mlContext.Msa().Evaluation.EvaluateClassification(scored)</c>
/// and <c>.EvaluateMmsaRegression(scored)</c>, the counterpart of ML.NET's
/// <c>mlContext.MulticlassClassification.Evaluate</c>.
/// </summary>
public sealed class MsaEvaluationCatalog
{
    internal MsaEvaluationCatalog(MLContext context) => Context = context;

    /// <summary>The context the evaluators run in.</summary>
    public MLContext Context { get; }

    /// <summary>WA, UA, macro/weighted F1, per-class metrics, confusion matrix, and binary metrics for two classes. See <see cref="ClassificationEvaluator"/>.</summary>
    /// <param name="data">Scored data with a key label and a Score vector of class probabilities.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="scoreColumnName">The score column (slot names = class names).</param>
    /// <param name="predictedLabelColumnName">The predicted label column.</param>
    /// <param name="positiveClass">For two classes, the positive class of the binary metrics; null = the second class.</param>
    public ClassificationMetrics EvaluateClassification(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", string? positiveClass = null) =>
        ClassificationEvaluator.Evaluate(Context, data, labelColumnName, scoreColumnName, predictedLabelColumnName, positiveClass);

    /// <summary>MMSA's Has0/Non0 Acc-2 and F1, Acc-5, Acc-7, MAE and Corr for [-3, 3] sentiment scores. See <see cref="MmsaRegressionEvaluator"/>.</summary>
    /// <param name="data">Scored data with Single or Double label and score columns.</param>
    /// <param name="labelColumnName">The true sentiment intensity.</param>
    /// <param name="scoreColumnName">The predicted sentiment intensity.</param>
    public MmsaRegressionMetrics EvaluateMmsaRegression(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score") =>
        MmsaRegressionEvaluator.Evaluate(data, labelColumnName, scoreColumnName);

    /// <summary>MMSA's CH-SIMS metrics (Mult_acc_2/3/5, F1_score, MAE, Corr on [-1, 1]). See <see cref="MmsaSimsEvaluator"/>.</summary>
    /// <param name="data">Scored data with Single or Double label and score columns.</param>
    /// <param name="labelColumnName">The true sentiment intensity.</param>
    /// <param name="scoreColumnName">The predicted sentiment intensity.</param>
    public MmsaSimsMetrics EvaluateMmsaSims(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score") =>
        MmsaSimsEvaluator.Evaluate(data, labelColumnName, scoreColumnName);
}
