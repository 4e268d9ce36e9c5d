namespace MsaMl.Trainers.Training;

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
