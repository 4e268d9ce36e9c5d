using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Pipelines.Scoring;

/// <summary>
/// Thread-safe single-row scoring for apps (an ASP.NET Core service, a worker pool) over one
/// loaded model. ML.NET's <see cref="PredictionEngine{TSrc, TDst}"/> is not thread-safe; the
/// transformers behind it are: one loaded MsaMl bundle can be shared by many engines on many
/// threads (the BERT and image encoders run concurrently; the TorchSharp network scores one row at
/// a time under its own lock). This pool keeps one engine per concurrent caller and reuses them.
/// Register it as a singleton.
/// </summary>
public sealed class PredictionEnginePool<TSrc, TDst> : IDisposable
    where TSrc : class
    where TDst : class, new()
{
    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly ConcurrentBag<PredictionEngine<TSrc, TDst>> _idle = new();
    private readonly int _maxIdle;
    private int _created;
    private bool _disposed;

    /// <param name="context">The context the model was loaded in.</param>
    /// <param name="model">The model; it is not disposed with the pool.</param>
    /// <param name="maxIdleEngines">How many idle engines to keep (default: the processor count).</param>
    /// <exception cref="ArgumentOutOfRangeException">A column of <typeparamref name="TSrc"/> or <typeparamref name="TDst"/> does not fit the model (the same error <c>CreatePredictionEngine</c> gives, raised here, not at the first request).</exception>
    public PredictionEnginePool(MLContext context, ITransformer model, int? maxIdleEngines = null)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _maxIdle = maxIdleEngines ?? Environment.ProcessorCount;
        if (_maxIdle < 1) throw new ArgumentOutOfRangeException(nameof(maxIdleEngines), $"maxIdleEngines must be at least 1, got {_maxIdle}.");
        _idle.Add(Create());
    }

    /// <summary>Engines made so far (at most the peak number of concurrent callers).</summary>
    public int EnginesCreated => Volatile.Read(ref _created);

    /// <summary>Scores one row; safe to call from any number of threads at once.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="example"/> is null.</exception>
    public TDst Predict(TSrc example)
    {
        ArgumentNullException.ThrowIfNull(example);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var engine = _idle.TryTake(out var idle) ? idle : Create();
        try
        {
            return engine.Predict(example);
        }
        finally
        {
            if (_disposed || _idle.Count >= _maxIdle) engine.Dispose();
            else _idle.Add(engine);
        }
    }

    private PredictionEngine<TSrc, TDst> Create()
    {
        var engine = _context.Model.CreatePredictionEngine<TSrc, TDst>(_model);
        Interlocked.Increment(ref _created);
        return engine;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var engine)) engine.Dispose();
    }
}
