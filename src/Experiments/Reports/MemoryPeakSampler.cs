namespace MsaMl.Experiments;

/// <summary>Samples the managed heap size and the process working set on a background thread and keeps their maxima.</summary>
internal sealed class MemoryPeakSampler : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private readonly TimeSpan _interval;
    private long _peakManaged;
    private long _peakWorkingSet;

    public MemoryPeakSampler(TimeSpan interval)
    {
        _interval = interval;
        BaselineManaged = GC.GetTotalMemory(forceFullCollection: false);
        BaselineWorkingSet = Environment.WorkingSet;
        _peakManaged = BaselineManaged;
        _peakWorkingSet = BaselineWorkingSet;
        _thread = new Thread(Sample) { IsBackground = true, Name = "MsaMl memory sampler" };
        _thread.Start();
    }

    public long BaselineManaged { get; }
    public long BaselineWorkingSet { get; }
    public long PeakManaged => Interlocked.Read(ref _peakManaged);
    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    private void Sample()
    {
        do
            TakeSample();
        while (!_stop.Wait(_interval));
    }

    private void TakeSample()
    {
        Max(ref _peakManaged, GC.GetTotalMemory(forceFullCollection: false));
        Max(ref _peakWorkingSet, Environment.WorkingSet);
    }

    private static void Max(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen) { }
    }

    /// <summary>Stops sampling after one last sample.</summary>
    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        TakeSample();
        _stop.Dispose();
    }
}
