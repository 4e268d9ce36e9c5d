using System.Diagnostics;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Reports a pass's <see cref="FeaturizingProgress"/> at most every <see cref="Interval"/>, and
/// always for the last row (when the total is known) and when the pass ends.
/// </summary>
internal sealed class ProgressThrottle
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly IProgress<FeaturizingProgress> _progress;
    private readonly string _transform;
    private readonly long? _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _last;
    private long _rows, _reported = -1;

    public ProgressThrottle(IProgress<FeaturizingProgress> progress, string transform, long? total)
    {
        _progress = progress;
        _transform = transform;
        _total = total;
    }

    /// <summary>Counts <paramref name="rows"/> more rows done.</summary>
    public void Add(int rows)
    {
        _rows += rows;
        var now = _clock.Elapsed;
        if (_last is not TimeSpan last || now - last >= Interval || _rows == _total) Report(now);
    }

    /// <summary>The pass is over: reports the final count unless it was just reported.</summary>
    public void End()
    {
        if (_reported != _rows && !(_rows == 0 && _total == 0)) Report(_clock.Elapsed);
    }

    private void Report(TimeSpan now)
    {
        _last = now;
        _reported = _rows;
        _progress.Report(new FeaturizingProgress(_transform, _rows, _total, now));
    }
}
