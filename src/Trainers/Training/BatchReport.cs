namespace MsaMl.Trainers.Training;

/// <summary>
/// One training batch done, as reported to <see cref="ITorchTrainer.BatchProgress"/>: where the run
/// is (epoch, batch of the epoch), the epoch's running mean loss and the time since training began.
/// </summary>
public sealed record BatchReport(int Epoch, int Epochs, int Batch, int BatchesPerEpoch, double RunningLoss, TimeSpan Elapsed)
{
    /// <summary>Time left for the remaining batches of all epochs at the rate so far (early stopping may end sooner).</summary>
    public TimeSpan Remaining
    {
        get
        {
            long done = (long)(Epoch - 1) * BatchesPerEpoch + Batch;
            long total = (long)Epochs * BatchesPerEpoch;
            return done <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Elapsed.TotalSeconds / done * Math.Max(0, total - done));
        }
    }
}
