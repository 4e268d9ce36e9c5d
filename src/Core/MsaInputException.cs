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

    private static string Shorten(string value) => value.Length <= 200 ? value : value[..200] + "...";
}
