namespace MsaMl.Trainers.Training;

/// <summary>
/// One epoch of training, as reported to <see cref="IProgress{T}"/> and kept in the learning curve.
/// Regression models report NaN accuracies and fill <see cref="TrainMae"/> and <see cref="ValidationMae"/>.
/// </summary>
public sealed record EpochReport(int Epoch, int Epochs, double TrainLoss, double TrainAccuracy, double? ValidationAccuracy, TimeSpan Elapsed,
    double? TrainMae = null, double? ValidationMae = null);

/// <summary>
/// The learning curve and outcome of a training run (regression: <see cref="BestValidationMae"/>
/// instead of an accuracy); <see cref="FeatureBytes"/> is what the training and validation
/// features take in memory, <see cref="Streamed"/> whether they were read from the data view each
/// epoch instead.
/// </summary>
public sealed record TrainingReport(IReadOnlyList<EpochReport> Epochs, int BestEpoch, double? BestValidationAccuracy, bool StoppedEarly, string Device, double SamplesPerSecond,
    double? BestValidationMae = null)
{
    /// <summary>Bytes of the training and validation feature columns.</summary>
    public long FeatureBytes { get; init; }

    /// <summary>Whether batches were streamed from the data view (features over the budget, or <see cref="TorchTrainerOptions.StreamTrainingData"/>).</summary>
    public bool Streamed { get; init; }
}
