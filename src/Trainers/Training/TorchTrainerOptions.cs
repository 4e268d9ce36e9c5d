namespace MsaMl.Trainers.Training;

/// <summary>Options shared by MsaMl's TorchSharp trainers (the training loop and the output columns).</summary>
public abstract class TorchTrainerOptions
{
    /// <summary>
    /// Classification (class logits, cross-entropy, a key label) or regression (one scalar,
    /// <see cref="RegressionLoss"/>, a Single label, <c>Score</c> as Single). Later refactors may move
    /// this behind a head interface; the training loop already reads it through one objective.
    /// </summary>
    public TorchOutputKind OutputKind { get; set; } = TorchOutputKind.Classification;

    /// <summary>The loss of a regression model: L1 (MMSA's choice) or MSE. Ignored for classification.</summary>
    public RegressionLoss RegressionLoss { get; set; } = RegressionLoss.L1;

    /// <summary>Label column: a key type (use MapValueToKey) for classification, Single for regression; no missing values.</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Output: class probabilities, with the class names as slot names; for regression the predicted value (Single).</summary>
    public string ScoreColumnName { get; set; } = "Score";

    /// <summary>Output: the most probable class, as a key of the label's key type (not written by regression models).</summary>
    public string PredictedLabelColumnName { get; set; } = "PredictedLabel";

    /// <summary>
    /// For two classes: a scalar score (log-odds of the second class, the positive one) for
    /// <c>BinaryClassification.EvaluateNonCalibrated</c>; null leaves it out.
    /// </summary>
    public string? BinaryScoreColumnName { get; set; } = "BinaryScore";

    /// <summary>For two classes: a Boolean prediction (true = the second class); null leaves it out.</summary>
    public string? BinaryPredictedLabelColumnName { get; set; } = "BinaryPredictedLabel";

    public int Epochs { get; set; } = 10;
    public double LearningRate { get; set; } = 0.001;
    public int BatchSize { get; set; } = 64;
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; set; } = 0.9;

    public double WeightDecay { get; set; }

    /// <summary>Weights of the classes in the loss, in key order; null for equal weights.</summary>
    public float[]? ClassWeights { get; set; }

    /// <summary>Weight the loss by inverse class frequency of the training data (ignored when ClassWeights is set).</summary>
    public bool BalanceClasses { get; set; }

    /// <summary>Clip the gradient norm to this value; 0 turns clipping off.</summary>
    public double GradientClipNorm { get; set; }

    /// <summary>
    /// Stop after this many epochs without a better validation accuracy (regression: a lower
    /// validation MAE) and keep the best weights; 0 turns it off.
    /// </summary>
    public int EarlyStoppingPatience { get; set; }

    /// <summary>Classification: the validation figure early stopping watches and keeps the best weights by; unweighted accuracy suits imbalanced classes.</summary>
    public EarlyStoppingMetric EarlyStoppingMetric { get; set; } = EarlyStoppingMetric.Accuracy;

    /// <summary>
    /// Always read batches from the IDataView on every epoch instead of holding the features in
    /// memory (training streams by itself when they exceed <see cref="MemoryBudgetMegabytes"/>).
    /// Meant for features saved once (<c>msa featurize</c>, or <c>mlContext.Data.SaveAsBinary</c>)
    /// and loaded from the .idv, so featurizers do not run each epoch. Batches and their order are
    /// the same as in memory.
    /// </summary>
    public bool StreamTrainingData { get; set; }

    /// <summary>
    /// Memory the feature columns of the training and validation data may take, in MiB. When they
    /// need more (or one column exceeds a .NET array), training streams them from the IDataView on
    /// every epoch, holding at most this much; null means a third of the available memory
    /// (<see cref="FeatureMemory.DefaultBudgetBytes"/>).
    /// </summary>
    public double? MemoryBudgetMegabytes { get; set; }

    /// <summary>Seed of weights, dropout and shuffling; null takes one from the MLContext's random source.</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Checks every value against its range (derived options add their own checks); the trainer
    /// calls it when it is created, and the experiment configuration reports its message under the key.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range; the parameter names the property.</exception>
    public virtual void Validate()
    {
        OptionCheck.Require(!string.IsNullOrWhiteSpace(LabelColumnName), nameof(LabelColumnName), LabelColumnName, "expected a column name");
        OptionCheck.Require(!string.IsNullOrWhiteSpace(ScoreColumnName), nameof(ScoreColumnName), ScoreColumnName, "expected a column name");
        OptionCheck.Positive(Epochs, nameof(Epochs));
        OptionCheck.Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "expected a positive rate");
        OptionCheck.Positive(BatchSize, nameof(BatchSize));
        OptionCheck.Require(Momentum is >= 0 and < 1, nameof(Momentum), Momentum, "expected 0 to 1 (exclusive)");
        OptionCheck.Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), nameof(WeightDecay), WeightDecay, "expected 0 or more");
        OptionCheck.Require(GradientClipNorm >= 0 && double.IsFinite(GradientClipNorm), nameof(GradientClipNorm), GradientClipNorm, "expected 0 (off) or a positive norm");
        OptionCheck.Require(EarlyStoppingPatience >= 0, nameof(EarlyStoppingPatience), EarlyStoppingPatience, "expected 0 (off) or more epochs");
        OptionCheck.Require(MemoryBudgetMegabytes is null or > 0, nameof(MemoryBudgetMegabytes), MemoryBudgetMegabytes, "expected null (a third of the available memory) or a positive size in MiB");
        OptionCheck.Require(ClassWeights is null || ClassWeights.All(w => w >= 0 && float.IsFinite(w)), nameof(ClassWeights), ClassWeights?.Length, "expected finite weights of 0 or more, one per class");
        OptionCheck.Require(OutputKind == TorchOutputKind.Classification || (ClassWeights is null && !BalanceClasses), nameof(BalanceClasses), BalanceClasses,
            "class weights apply to classification; a regression model has no classes");
    }
}
