using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Experiments;

/// <summary>
/// Leave-one-session-out cross-validation (the IEMOCAP protocol): each session in turn is the test
/// set and the others the training set; metrics are aggregated over the folds like seeds are in
/// <see cref="MultiSeedRunner"/>. Folds can be built here from records or from an
/// <see cref="IDataView"/>, or given by the caller (e.g. from a dataset reader's own fold list).
/// </summary>
public static class LeaveOneSessionOut
{
    private const string SessionCopyColumn = "__MsaMlSession";

    /// <summary>One fold per distinct session (ordinal order): that session's records are the test set, all others the training set.</summary>
    /// <param name="records">The records of every session.</param>
    /// <param name="sessionOf">The session of a record, e.g. <c>r =&gt; r.Split</c>.</param>
    public static IReadOnlyList<CrossValidationFold<IReadOnlyList<TRecord>>> CreateFolds<TRecord>(IEnumerable<TRecord> records, Func<TRecord, string> sessionOf)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(sessionOf);
        var list = records.ToArray();
        var sessions = list.Select(sessionOf).Distinct().Order(StringComparer.Ordinal).ToArray();
        RequireTwoSessions(sessions);
        return sessions
            .Select(session => new CrossValidationFold<IReadOnlyList<TRecord>>(session,
                list.Where(r => sessionOf(r) != session).ToArray(),
                list.Where(r => sessionOf(r) == session).ToArray()))
            .ToArray();
    }

    /// <summary>
    /// One fold per distinct value of a text column (ordinal order), filtered lazily with
    /// <c>CustomMappingCatalog.FilterByCustomPredicate</c>;
    /// the folds keep the input's schema.
    /// </summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="data">The rows of every session.</param>
    /// <param name="sessionColumnName">A text column naming each row's session; MsaMl's IEMOCAP reader puts the session name in <c>Split</c> by default.</param>
    public static IReadOnlyList<CrossValidationFold<IDataView>> CreateFolds(MLContext mlContext, IDataView data, string sessionColumnName = "Split")
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(data);
        var column = data.Schema.GetColumnOrNull(sessionColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(sessionColumnName), $"Column '{sessionColumnName}' not found.");
        if (column.Type is not TextDataViewType)
            throw new ArgumentOutOfRangeException(nameof(sessionColumnName), $"Column '{sessionColumnName}' is {column.Type}; expected text.");

        var sessions = data.GetColumn<ReadOnlyMemory<char>>(column).Select(s => s.ToString()).Distinct().Order(StringComparer.Ordinal).ToArray();
        RequireTwoSessions(sessions);

        var withCopy = mlContext.Transforms.CopyColumns(SessionCopyColumn, sessionColumnName).Fit(data).Transform(data);
        var dropCopy = mlContext.Transforms.DropColumns(SessionCopyColumn).Fit(withCopy);
        IDataView Rows(string session, bool inSession) => dropCopy.Transform(
            mlContext.Data.FilterByCustomPredicate<SessionRow>(withCopy, row => (row.Session == session) != inSession));

        return sessions
            .Select(session => new CrossValidationFold<IDataView>(session, Rows(session, inSession: false), Rows(session, inSession: true)))
            .ToArray();
    }

    /// <summary>Runs <paramref name="evaluateFold"/> on each fold, one after the other, and aggregates the metrics.</summary>
    /// <param name="folds">The folds, e.g. from <see cref="CreateFolds{TRecord}"/>.</param>
    /// <param name="evaluateFold">Trains on the fold's training data, evaluates on its test data and returns the metrics.</param>
    /// <param name="progress">Told after each fold.</param>
    /// <param name="cancellationToken">Checked before each fold.</param>
    public static CrossValidationResult<TMetrics> Run<TData, TMetrics>(IEnumerable<CrossValidationFold<TData>> folds,
        Func<CrossValidationFold<TData>, TMetrics> evaluateFold, IProgress<FoldRun<TMetrics>>? progress = null,
        CancellationToken cancellationToken = default)
        where TMetrics : INamedMetrics
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(evaluateFold);
        var runs = new List<FoldRun<TMetrics>>();
        foreach (var fold in folds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var metrics = evaluateFold(fold);
            var run = new FoldRun<TMetrics>(fold.TestKey, metrics, clock.Elapsed);
            runs.Add(run);
            progress?.Report(run);
        }
        if (runs.Count == 0)
            throw new ArgumentException("No folds were given.", nameof(folds));
        return new CrossValidationResult<TMetrics>(runs, MetricAggregation.Summarize(runs.Select(r => (INamedMetrics)r.Metrics)));
    }

    private static void RequireTwoSessions(IReadOnlyCollection<string> sessions)
    {
        if (sessions.Count < 2)
            throw new ArgumentException($"Leave-one-session-out needs at least two sessions; found {sessions.Count}.");
    }

    /// <summary>The copied session column, read by the filter predicate.</summary>
    private sealed class SessionRow
    {
        [ColumnName(SessionCopyColumn)]
        public string Session { get; set; } = "";
    }
}
