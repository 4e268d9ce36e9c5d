using System.Collections.Concurrent;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Runs a per-row body over the rows of a batch on up to <see cref="MaxThreads"/> cores, each
/// thread with its own worker (buffers) taken from a pool and given back, so workers are reused
/// from batch to batch. Each row writes only its own output slice, so results do not depend on
/// scheduling; when rows fail, the error of the lowest row is thrown, as a sequential run would.
/// </summary>
public sealed class ParallelRows<TWorker> where TWorker : class
{
    private readonly ConcurrentBag<TWorker> _idle = new();
    private readonly Func<TWorker> _create;
    private readonly ParallelOptions _parallel;

    /// <param name="create">Makes a worker when none is idle.</param>
    /// <param name="maxThreads">Cores to use; 0 means all.</param>
    public ParallelRows(Func<TWorker> create, int maxThreads)
    {
        _create = create;
        MaxThreads = maxThreads > 0 ? maxThreads : Environment.ProcessorCount;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxThreads };
    }

    public int MaxThreads { get; }

    /// <summary>Calls <paramref name="body"/>(row, worker) for rows 0 to <paramref name="count"/> − 1.</summary>
    public void Run(int count, Action<int, TWorker> body)
    {
        if (count == 0) return;
        if (count == 1 || MaxThreads == 1)
        {
            var worker = Rent();
            try
            {
                for (int i = 0; i < count; i++) body(i, worker);
            }
            finally
            {
                _idle.Add(worker);
            }
            return;
        }

        var errors = new Exception?[count];
        Parallel.For(0, count, _parallel, Rent, (i, _, worker) =>
        {
            try { body(i, worker); }
            catch (Exception ex) { errors[i] = ex; }
            return worker;
        }, _idle.Add);
        var first = Array.Find(errors, e => e != null);
        if (first != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }

    private TWorker Rent() => _idle.TryTake(out var worker) ? worker : _create();
}
