namespace MsaMl.Transforms.Core;

/// <summary>
/// How far a featurizing transform has got through one pass over its input (one cursor), as
/// reported to <see cref="FeaturizingTransformer.Progress"/>: rows done, the total when the input
/// knows its row count, and the time since the pass started.
/// </summary>
/// <param name="Transform">What is being computed: the transform's output column names, or a named pass such as the spectrogram's dataset moments.</param>
/// <param name="Rows">Rows featurized so far in this pass.</param>
/// <param name="TotalRows">Rows in the pass, when the input view knows its count.</param>
/// <param name="Elapsed">Time since the pass started.</param>
public sealed record FeaturizingProgress(string Transform, long Rows, long? TotalRows, TimeSpan Elapsed)
{
    /// <summary>Rows per second so far (0 before the first second's worth of work).</summary>
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;

    /// <summary>Done fraction in [0, 1]; null when the total is unknown.</summary>
    public double? Fraction => TotalRows is long total and > 0 ? Math.Min(1.0, (double)Rows / total) : null;

    /// <summary>Estimated time left at the rate so far; null when the total or the rate is unknown.</summary>
    public TimeSpan? Remaining => TotalRows is long total && RowsPerSecond > 0
        ? TimeSpan.FromSeconds(Math.Max(0, total - Rows) / RowsPerSecond)
        : null;
}
