using System.Globalization;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;

namespace MsaMl.Cli.Commands;

/// <summary>
/// Progress on standard error: on a terminal, a live bar redrawn in place; when the output is
/// redirected (a log file, a pipe), one plain line per 10 % of a pass, so logs stay short.
/// Messages (stages, epochs) are whole lines in both cases.
/// </summary>
internal sealed class ConsoleProgress
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly TextWriter _out;
    private readonly object _lock = new();
    private int _barWidth;

    /// <param name="output">Where to write.</param>
    /// <param name="live">Redraw a bar in place (a terminal) instead of writing lines at each 10 %.</param>
    public ConsoleProgress(TextWriter output, bool live)
    {
        _out = output;
        Live = live;
    }

    /// <summary>Standard error: live when it is a terminal.</summary>
    public static ConsoleProgress StandardError() => new(Console.Error, !Console.IsErrorRedirected);

    public bool Live { get; }

    /// <summary>A whole line (ends a live bar first).</summary>
    public void Line(string text)
    {
        lock (_lock)
        {
            EndBar();
            _out.WriteLine(text);
        }
    }

    /// <summary>A bar for featurizing passes: rows done of the total, rows per second, time left.</summary>
    public IProgress<FeaturizingProgress> Rows(string label) => new RowsBar(this, label);

    /// <summary>A bar for the batches of each epoch: batch of the epoch, running loss, time left for the run.</summary>
    public IProgress<BatchReport> Batches(string label) => new BatchBar(this, label);

    private void Draw(string text, bool done)
    {
        lock (_lock)
        {
            if (Live)
            {
                _out.Write("\r" + text.PadRight(_barWidth));
                _barWidth = text.Length;
                if (done) EndBar();
            }
            else _out.WriteLine(text);
        }
    }

    private void EndBar()
    {
        if (_barWidth == 0) return;
        _out.WriteLine();
        _barWidth = 0;
    }

    internal static string Duration(TimeSpan? time)
    {
        if (time is not TimeSpan t) return "?";
        if (t.TotalSeconds < 100) return string.Format(Inv, "{0:F0} s", t.TotalSeconds);
        if (t.TotalMinutes < 100) return string.Format(Inv, "{0} min {1} s", (int)t.TotalMinutes, t.Seconds);
        return string.Format(Inv, "{0} h {1} min", (int)t.TotalHours, t.Minutes);
    }

    private static string Bar(double fraction)
    {
        int filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * 20);
        return "[" + new string('#', filled) + new string('-', 20 - filled) + "]";
    }

    /// <summary>
    /// One line per pass of a featurizing pipeline: several transforms report on the same rows
    /// (spectrogram and BERT), and the rows shown are those every transform has done.
    /// </summary>
    private sealed class RowsBar(ConsoleProgress owner, string label) : IProgress<FeaturizingProgress>
    {
        private readonly Dictionary<string, FeaturizingProgress> _last = new();
        private int _decile = -1;
        private TimeSpan? _lastLine;

        public void Report(FeaturizingProgress value)
        {
            FeaturizingProgress shown;
            lock (_last)
            {
                // A new pass of a transform (its rows start again): forget the previous pass.
                if (_last.TryGetValue(value.Transform, out var before) && value.Rows < before.Rows) { _last.Clear(); _decile = -1; }
                _last[value.Transform] = value;
                shown = _last.Values.MinBy(p => p.Rows)!;
            }
            bool done = shown.TotalRows is long total && shown.Rows >= total && _last.Values.All(p => p.Rows >= total);
            string text = shown.Fraction is double f
                ? string.Format(Inv, "msa: {0}: {1} {2,3:F0}% {3:N0}/{4:N0} rows, {5:F1} rows/s, ETA {6}", label, Bar(f), 100 * f, shown.Rows, shown.TotalRows, shown.RowsPerSecond, Duration(shown.Remaining))
                : string.Format(Inv, "msa: {0}: {1:N0} rows, {2:F1} rows/s, {3} so far", label, shown.Rows, shown.RowsPerSecond, Duration(shown.Elapsed));
            if (owner.Live)
            {
                owner.Draw(text, done);
                return;
            }
            if (shown.Fraction is double fraction)
            {
                int decile = (int)Math.Floor(fraction * 10 + 1e-9);
                if (decile <= _decile) return;
                _decile = decile;
            }
            else if (_lastLine is TimeSpan line && shown.Elapsed - line < TimeSpan.FromSeconds(30)) return;
            _lastLine = shown.Elapsed;
            owner.Draw(text, done);
        }
    }

    /// <summary>Batches of each epoch; redirected, one line per 10 % of an epoch when it has at least 10 batches (the epoch line follows anyway).</summary>
    private sealed class BatchBar(ConsoleProgress owner, string label) : IProgress<BatchReport>
    {
        private int _epoch, _decile;

        public void Report(BatchReport value)
        {
            string text = string.Format(Inv, "msa: {0}: epoch {1}/{2} {3} batch {4}/{5}, loss {6:F4}, ETA {7}", label, value.Epoch, value.Epochs,
                Bar((double)value.Batch / Math.Max(1, value.BatchesPerEpoch)), value.Batch, value.BatchesPerEpoch, value.RunningLoss, Duration(value.Remaining));
            if (owner.Live)
            {
                owner.Draw(text, value.Batch >= value.BatchesPerEpoch);
                return;
            }
            if (value.BatchesPerEpoch < 10) return;
            if (value.Epoch != _epoch) (_epoch, _decile) = (value.Epoch, 0);
            int decile = value.Batch * 10 / value.BatchesPerEpoch;
            if (decile <= _decile) return;
            _decile = decile;
            owner.Draw(text, false);
        }
    }
}
