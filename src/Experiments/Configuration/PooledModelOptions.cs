using Microsoft.ML;
using Microsoft.ML.Trainers;
using MsaMl.Datasets;
using MsaMl.Pipelines;
using MsaMl.Pipelines.Fusion;
using MsaMl.Pipelines.Training;
using MsaMl.Transforms.Normalization;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// A model over pooled, utterance-level feature vectors (acoustic functionals, spectrogram
/// statistics, sentence embeddings): the vectors side by side, standardized with the training
/// split's mean and deviation, then an ML.NET trainer. Early fusion is this over every modality's
/// pooled columns; in the <c>fast</c> preset the audio-only speech model is this over the
/// functionals and the log-mel statistics (benchmarks/README.md, "Speech recipes on speaker folds").
/// </summary>
public sealed class PooledModelOptions
{
    /// <summary>The trainer.</summary>
    public PooledTrainer Trainer { get; set; } = PooledTrainer.LbfgsMaximumEntropy;

    /// <summary>L2 weight (ML.NET's L-BFGS default 1); null lets SDCA choose its own.</summary>
    public float? L2Regularization { get; set; } = 1f;

    /// <summary>L1 weight (L-BFGS only; ML.NET's default 1).</summary>
    public float L1Regularization { get; set; } = 1f;

    /// <summary>
    /// Standardize each value to zero mean and unit variance over the training rows (default); false
    /// scales only, as <see cref="MsaPipelines.EarlyFusion"/> does by default. Centering gained 6.0 UA
    /// on EmoDB and 8.0 on URDU (benchmarks/README.md, "Speech recipes on speaker-independent folds").
    /// </summary>
    public bool CenterFeatures { get; set; } = true;

    /// <summary>
    /// Beside each feature vector, a copy standardized with its speaker's own mean and deviation
    /// (<c>GroupStandardization</c> over the records' speaker, labels unused; speakers that training
    /// did not see are learned from their own rows when a whole split is scored, and a row scored
    /// alone gets the training statistics), and the trainer weighs both. Per-speaker standardization
    /// alone lifts EmoDB (every speaker speaks every emotion) but drops URDU below chance (each talk-show
    /// speaker speaks one or two); the copy beside the global features gained on both
    /// (benchmarks/README.md, "Speech recipes on speaker-independent folds").
    /// </summary>
    public bool PerSpeakerCopy { get; set; }

    /// <summary>
    /// Weigh each training row by n / (K · n<sub>c</sub>), so every class counts the same in the loss
    /// (<c>ClassBalancedEstimator</c>, the trainer's example weights): what unweighted accuracy rewards
    /// where classes differ in size (EmoDB: 127 anger clips, 46 disgust; URDU's speaker folds). On in
    /// the fast preset's audio model, where it gained on both corpora's speaker folds
    /// (benchmarks/README.md, "Speech recipes on speaker-independent folds"). Classification only.
    /// </summary>
    public bool BalanceClasses { get; set; }

    /// <summary>
    /// Train on the training rows' speed copies (<see cref="ModelSection.SpeedCopies"/>) as well as
    /// on the recordings (default); false: on the original recordings alone, the copies left out
    /// while fitting (<see cref="WithoutSpeedCopiesEstimator"/>, which tells them by their ids).
    /// </summary>
    public bool TrainOnSpeedCopies { get; set; } = true;

    /// <summary>
    /// A second pooled model over the same columns, trained beside this one; the fitted model scores
    /// the mean of the two models' class probabilities (<c>LateFusionTransformer</c>, Average), and
    /// both are saved in the bundle. In the fast preset's audio model the second model is trained on
    /// the original recordings alone and scaled without centering: the average gained 1.8 UA on
    /// EmoDB (leave one speaker out) and 2.5 on URDU's speaker folds over the first model alone
    /// (benchmarks/README.md, "Speech recipes on speaker-independent folds"). Classification only;
    /// the second model's own <see cref="AveragedWith"/> must be null.
    /// </summary>
    public PooledModelOptions? AveragedWith { get; set; }

    /// <summary>Throws naming the first option whose value is not allowed.</summary>
    public void Validate() => Validate("", null);

    /// <param name="prefix">Written before an option's name in the message ("AveragedWith." for the second model).</param>
    /// <param name="parameter">The parameter the exception names; null: the option itself.</param>
    private void Validate(string prefix, string? parameter)
    {
        if (AveragedWith is { } second)
        {
            if (second.AveragedWith is not null)
                throw new ArgumentOutOfRangeException(parameter ?? nameof(AveragedWith), $"{prefix}AveragedWith.AveragedWith: expected null (two models are averaged, not a chain of them).");
            second.Validate($"{prefix}AveragedWith.", parameter ?? nameof(AveragedWith));
        }
        if (L2Regularization is < 0 or float.NaN)
            throw new ArgumentOutOfRangeException(parameter ?? nameof(L2Regularization), L2Regularization, $"{prefix}L2Regularization: expected 0 or more (null: the trainer's own choice, SDCA only).");
        if (L2Regularization is null && Trainer == PooledTrainer.LbfgsMaximumEntropy)
            throw new ArgumentOutOfRangeException(parameter ?? nameof(L2Regularization), null, $"{prefix}L2Regularization: L-BFGS needs a value (0 or more); null is for SDCA.");
        if (!(L1Regularization >= 0)) throw new ArgumentOutOfRangeException(parameter ?? nameof(L1Regularization), L1Regularization, $"{prefix}L1Regularization: expected 0 or more.");
        if (Trainer == PooledTrainer.SdcaMaximumEntropy && L1Regularization != 1f && L1Regularization != 0f)
            throw new ArgumentOutOfRangeException(parameter ?? nameof(L1Regularization), L1Regularization, $"{prefix}L1Regularization: SDCA maximum entropy takes no L1 weight here; expected 0 or the default 1.");
    }

    /// <summary>The estimator over <paramref name="columns"/>: concatenate, standardize, train; writes <c>Score</c> and <c>PredictedLabel</c>.</summary>
    /// <param name="ml">The context.</param>
    /// <param name="columns">The pooled feature columns.</param>
    /// <param name="labelColumn">The label column.</param>
    /// <param name="regression">
    /// A regression task (sentiment intensity): ML.NET's SDCA regression on one thread over the
    /// standardized vectors (<see cref="MsaPipelines.EarlyFusionRegression"/>); <see cref="Trainer"/>
    /// and the regularization weights are classifier options and are not used. Writes <c>Score</c> only.
    /// </param>
    /// <param name="speakersKnown">Whether the rows name their speaker; without speakers there is no per-speaker copy.</param>
    public IEstimator<ITransformer> Estimator(MLContext ml, IReadOnlyList<string> columns, string labelColumn = "Label", bool regression = false, bool speakersKnown = true)
    {
        Validate();
        if (AveragedWith is null) return Single(ml, columns, labelColumn, regression, speakersKnown);
        if (regression) throw new ArgumentOutOfRangeException(nameof(AveragedWith), "AveragedWith: averaging two pooled models is for classification; a regression task takes one (set it to null).");
        var fusion = new LateFusionOptions();
        IEstimator<ITransformer>? members = null;
        foreach (var (member, name) in new[] { (this, "First"), (AveragedWith, "Second") })
        {
            // Each model's ML.NET trainer writes Score; a copy keeps it from the next one's.
            string score = $"Score{name}Pooled";
            var estimator = member.Single(ml, columns, labelColumn, regression, speakersKnown).Append(ml.Transforms.CopyColumns(score, "Score"));
            members = members is null ? estimator : members.Append(estimator);
            fusion.Members.Add(new LateFusionMember { Name = name.ToLowerInvariant(), ScoreColumnName = score });
        }
        return members!.Append(new LateFusionEstimator(fusion));
    }

    /// <summary>This model alone (<see cref="AveragedWith"/> aside).</summary>
    private IEstimator<ITransformer> Single(MLContext ml, IReadOnlyList<string> columns, string labelColumn, bool regression, bool speakersKnown)
    {
        IEstimator<ITransformer>? copies = null;
        if (PerSpeakerCopy && speakersKnown)
        {
            foreach (string column in columns)
            {
                var copy = ml.Msa().Transforms.GroupStandardization(new GroupStandardizationOptions
                {
                    InputColumnName = column, OutputColumnName = column + SpeakerCopySuffix, GroupColumnName = nameof(MultimodalRecord.Speaker), Axis = StatisticsAxis.Rows,
                });
                copies = copies is null ? copy : copies.Append(copy);
            }
            columns = columns.Concat(columns.Select(c => c + SpeakerCopySuffix)).ToList();
        }
        var model = Model(ml, columns, labelColumn, regression);
        var single = copies is null ? model : copies.Append(model);
        return TrainOnSpeedCopies ? single : new WithoutSpeedCopiesEstimator(ml, single);
    }

    private const string SpeakerCopySuffix = "BySpeaker";

    private IEstimator<ITransformer> Model(MLContext ml, IReadOnlyList<string> columns, string labelColumn, bool regression)
    {
        if (regression) return MsaPipelines.EarlyFusionRegression(ml, columns, labelColumn: labelColumn);
        const string features = "FusedFeatures";
        IEstimator<ITransformer> Create(string? weights) => Trainer switch
        {
            PooledTrainer.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = labelColumn, FeatureColumnName = features, ExampleWeightColumnName = weights, L2Regularization = L2Regularization, NumberOfThreads = 1,
            }),
            _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = labelColumn, FeatureColumnName = features, ExampleWeightColumnName = weights, L2Regularization = L2Regularization!.Value, L1Regularization = L1Regularization,
            }),
        };
        var trainer = BalanceClasses ? new ClassBalancedEstimator<ITransformer>(ml, labelColumn, Create) : Create(null);
        return MsaPipelines.EarlyFusion(ml, columns, trainer, labelColumn, features, center: CenterFeatures);
    }
}
