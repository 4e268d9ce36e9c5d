namespace MsaMl.Pipelines.Evaluation;

/// <summary>Precision, recall, F1 and support of one class of a classification task.</summary>
/// <param name="ClassName">The class, as named by the Score column's slot names.</param>
/// <param name="Precision">Correct predictions of this class / all predictions of this class (0 when it was never predicted).</param>
/// <param name="Recall">Correct predictions of this class / rows labelled with this class (0 when it has no rows).</param>
/// <param name="F1">Harmonic mean of <paramref name="Precision"/> and <paramref name="Recall"/> (0 when both are 0).</param>
/// <param name="Support">Number of rows labelled with this class.</param>
public sealed record ClassMetrics(string ClassName, double Precision, double Recall, double F1, long Support);
