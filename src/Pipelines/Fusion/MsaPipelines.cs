using Microsoft.ML;
using MsaMl.Pipelines.Fusion;

namespace MsaMl.Pipelines;

/// <summary>Builders that assemble the paper's experiments as ordinary ML.NET estimator chains.</summary>
public static class MsaPipelines
{
    /// <summary>
    /// Early (feature-level) fusion: concatenate pooled feature vectors, standardize, and train any
    /// ML.NET multiclass trainer (default: L-BFGS maximum entropy) on the result.
    /// </summary>
    /// <param name="center">
    /// Standardize to zero mean and unit variance; false (the default, ML.NET's own) only scales each
    /// value to unit second moment, keeping zero at zero, so values far from zero with a small spread
    /// (log-mel band means) barely move a regularized model.
    /// </param>
    public static IEstimator<ITransformer> EarlyFusion(MLContext ml, IReadOnlyList<string> featureColumns,
        IEstimator<ITransformer>? trainer = null, string labelColumn = "Label", string fusedColumn = "FusedFeatures", bool center = false) =>
        ml.Transforms.Concatenate(fusedColumn, featureColumns.ToArray())
            .Append(ml.Transforms.NormalizeMeanVariance(fusedColumn, fixZero: !center))
            .Append(trainer ?? ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(labelColumn, fusedColumn));

    /// <summary>
    /// Early fusion for regression (sentiment intensity): concatenate pooled feature vectors,
    /// standardize, and train any ML.NET regression trainer on a Single label (default: SDCA
    /// regression on one thread, so the same seed gives the same model). Writes <c>Score</c> (Single).
    /// </summary>
    public static IEstimator<ITransformer> EarlyFusionRegression(MLContext ml, IReadOnlyList<string> featureColumns,
        IEstimator<ITransformer>? trainer = null, string labelColumn = "Label", string fusedColumn = "FusedFeatures") =>
        ml.Transforms.Concatenate(fusedColumn, featureColumns.ToArray())
            .Append(ml.Transforms.NormalizeMeanVariance(fusedColumn))
            .Append(trainer ?? ml.Regression.Trainers.Sdca(new Microsoft.ML.Trainers.SdcaRegressionTrainer.Options
            {
                LabelColumnName = labelColumn,
                FeatureColumnName = fusedColumn,
                NumberOfThreads = 1,
            }));

    /// <summary>Late (decision-level) fusion of members already scored in the data.</summary>
    public static LateFusionEstimator LateFusion(LateFusionOptions options) => new(options);

    /// <summary>
    /// Learned late fusion: the members' probabilities side by side (uniform for a missing
    /// member) -> an ML.NET multiclass trainer (default L-BFGS maximum entropy). Fit it on
    /// validation data scored by the members, not on their training data. Classification only:
    /// with regression members the stacked input would be one number per member, and a learned
    /// combiner of two or three numbers is a weighted average, which
    /// <see cref="LateFusionMode.WeightedAverage"/> already gives without spending the validation
    /// split (that MMSA's protocol keeps for model selection) on fitting it.
    /// </summary>
    public static IEstimator<ITransformer> Stacking(MLContext ml, LateFusionOptions options, IEstimator<ITransformer>? trainer = null, string labelColumn = "Label")
    {
        var stacking = MsaMl.Transforms.Core.TransformFactory.Clone(options);
        stacking.Mode = LateFusionMode.Stacking;
        return new LateFusionEstimator(stacking)
            .Append(trainer ?? ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(labelColumn, stacking.StackedScoresColumnName));
    }
}
