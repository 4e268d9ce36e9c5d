namespace MsaMl.Trainers.Training;

/// <summary>One epoch of training, as reported to <see cref="IProgress{T}"/> and kept in the learning curve.</summary>
public sealed record EpochReport(int Epoch, int Epochs, double TrainLoss, double TrainAccuracy, double? ValidationAccuracy, TimeSpan Elapsed);

/// <summary>The learning curve and outcome of a training run.</summary>
public sealed record TrainingReport(IReadOnlyList<EpochReport> Epochs, int BestEpoch, double? BestValidationAccuracy, bool StoppedEarly, string Device, double SamplesPerSecond);
