namespace MsaMl.Transforms.Core;

/// <summary>
/// Bad input in one row: names the column, the row, the offending value (path or text) and what
/// was expected, so a user can find and fix the record.
/// </summary>
public sealed class MsaInputException : Exception
{
    public MsaInputException(string column, long row, string value, string problem, Exception? inner = null)
        : base($"Column '{column}', row {row}: {problem} (value: '{Shorten(value)}').", inner)
    {
        Column = column;
        Row = row;
        Value = value;
        Problem = problem;
    }

    public string Column { get; }
    public long Row { get; }
    public string Value { get; }
    public string Problem { get; }

    /// <summary>
    /// The input error behind <paramref name="error"/>: itself, or the first one among its inner
    /// exceptions (ML.NET wraps what a cursor throws, e.g. "Exception thrown in cursoring"); null when there is none.
    /// </summary>
    public static MsaInputException? Find(Exception? error)
    {
        for (int depth = 0; error != null && depth < 16; depth++)
        {
            if (error is MsaInputException input) return input;
            if (error is AggregateException { InnerExceptions.Count: > 0 } aggregate)
                return aggregate.InnerExceptions.Select(Find).FirstOrDefault(e => e != null);
            error = error.InnerException;
        }
        return null;
    }

    private static string Shorten(string value) => value.Length <= 200 ? value : value[..200] + "...";
}
