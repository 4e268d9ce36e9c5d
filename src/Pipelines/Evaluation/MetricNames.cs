namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// The names under which MsaMl metrics appear in <see cref="INamedMetrics.ToNamedValues"/>, result
/// files and report tables. The regression names are MMSA's own keys, so numbers can be compared
/// with published MMSA results column by column.
/// </summary>
public static class MetricNames
{
    /// <summary>Weighted accuracy: correct rows / all rows (ML.NET's micro accuracy).</summary>
    public const string WeightedAccuracy = "WA";

    /// <summary>Unweighted accuracy: the mean of the per-class recalls (ML.NET's macro accuracy).</summary>
    public const string UnweightedAccuracy = "UA";

    /// <summary>Unweighted mean of the per-class F1 scores.</summary>
    public const string MacroF1 = "MacroF1";

    /// <summary>Mean of the per-class F1 scores weighted by class support.</summary>
    public const string WeightedF1 = "WeightedF1";

    /// <summary>ML.NET's multiclass log-loss.</summary>
    public const string LogLoss = "LogLoss";

    /// <summary>Accuracy of a two-class task, from ML.NET's binary evaluator.</summary>
    public const string BinaryAccuracy = "BinaryAccuracy";

    /// <summary>F1 of the positive class of a two-class task, from ML.NET's binary evaluator.</summary>
    public const string BinaryF1 = "BinaryF1";

    /// <summary>Area under the ROC curve of a two-class task, from ML.NET's binary evaluator.</summary>
    public const string BinaryAuc = "BinaryAUC";

    /// <summary>MMSA: binary accuracy with zero counted as positive (>= 0 vs &lt; 0).</summary>
    public const string Has0Accuracy2 = "Has0_acc_2";

    /// <summary>MMSA: support-weighted F1 of the >= 0 / &lt; 0 split.</summary>
    public const string Has0F1 = "Has0_F1_score";

    /// <summary>MMSA: binary accuracy over rows whose label is not zero (> 0 vs &lt;= 0).</summary>
    public const string Non0Accuracy2 = "Non0_acc_2";

    /// <summary>MMSA: support-weighted F1 over rows whose label is not zero.</summary>
    public const string Non0F1 = "Non0_F1_score";

    /// <summary>MMSA: five-class accuracy (clip to [-2, 2], round half to even).</summary>
    public const string Accuracy5 = "Mult_acc_5";

    /// <summary>MMSA: seven-class accuracy (clip to [-3, 3], round half to even).</summary>
    public const string Accuracy7 = "Mult_acc_7";

    /// <summary>MMSA (CH-SIMS): accuracy of the 2 bins [-1, 0], (0, 1].</summary>
    public const string Accuracy2 = "Mult_acc_2";

    /// <summary>MMSA (CH-SIMS): accuracy of the 3 bins [-1, -0.1], (-0.1, 0.1], (0.1, 1].</summary>
    public const string Accuracy3 = "Mult_acc_3";

    /// <summary>MMSA (CH-SIMS): support-weighted F1 of the 2 bins.</summary>
    public const string SimsF1 = "F1_score";

    /// <summary>MMSA: mean absolute error (of the unclipped values; CH-SIMS: of the values clipped to [-1, 1]).</summary>
    public const string MeanAbsoluteError = "MAE";

    /// <summary>MMSA: Pearson correlation (of the unclipped values; CH-SIMS: of the clipped values).</summary>
    public const string PearsonCorrelation = "Corr";
}
