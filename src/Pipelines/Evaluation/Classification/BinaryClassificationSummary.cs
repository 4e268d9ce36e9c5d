namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// The metrics of a two-class task as ML.NET's binary evaluator computes them, with one of the two
/// classes taken as the positive class.
/// </summary>
/// <param name="PositiveClass">The class treated as positive.</param>
/// <param name="Accuracy">Fraction of rows whose predicted class is their label.</param>
/// <param name="F1">F1 score of the positive class.</param>
/// <param name="Auc">Area under the ROC curve of the positive-class probability.</param>
/// <param name="PositivePrecision">Precision of the positive class.</param>
/// <param name="PositiveRecall">Recall of the positive class.</param>
public sealed record BinaryClassificationSummary(string PositiveClass, double Accuracy, double F1, double Auc, double PositivePrecision, double PositiveRecall);
