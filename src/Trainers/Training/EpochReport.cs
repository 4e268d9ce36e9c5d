namespace MsaMl.Trainers.Training;

/// <summary>
/// One epoch of training, as reported to <see cref="IProgress{T}"/> and kept in the learning curve.
/// Regression models report NaN accuracies and fill <see cref="TrainMae"/> and <see cref="ValidationMae"/>.
/// </summary>
public sealed record EpochReport(int Epoch, int Epochs, double TrainLoss, double TrainAccuracy, double? ValidationAccuracy, TimeSpan Elapsed,
    double? TrainMae = null, double? ValidationMae = null);
