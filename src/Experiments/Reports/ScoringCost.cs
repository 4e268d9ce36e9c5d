namespace MsaMl.Experiments;

/// <summary>
/// Time and memory of one scoring pass, measured by <see cref="ScoringCostMeter"/>. Memory is in MB
/// (2^20 bytes). The working set is the whole process's, so it includes native TorchSharp and ONNX
/// Runtime memory as well as everything loaded before; compare models measured in the same process
/// under the same conditions.
/// </summary>
/// <param name="Rows">Rows scored in the timed pass.</param>
/// <param name="Elapsed">Wall-clock time of the timed pass.</param>
/// <param name="PeakManagedMegabytes">Largest managed heap size seen during the pass.</param>
/// <param name="PeakWorkingSetMegabytes">Largest process working set seen during the pass.</param>
/// <param name="BaselineManagedMegabytes">Managed heap size just before the pass.</param>
/// <param name="BaselineWorkingSetMegabytes">Process working set just before the pass.</param>
/// <param name="AllocatedMegabytes">Managed memory allocated by this thread during the pass.</param>
public sealed record ScoringCost(long Rows, TimeSpan Elapsed, double PeakManagedMegabytes, double PeakWorkingSetMegabytes,
    double BaselineManagedMegabytes, double BaselineWorkingSetMegabytes, double AllocatedMegabytes)
{
    /// <summary>Mean wall-clock milliseconds per row; NaN when no row was scored.</summary>
    public double MillisecondsPerRow => Rows > 0 ? Elapsed.TotalMilliseconds / Rows : double.NaN;
}
