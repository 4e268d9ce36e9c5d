namespace MsaMl.Datasets;

/// <summary>A dataset file that is not in the expected format: names the file, the line and what was expected.</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string file, int line, string problem)
        : this(file, line, problem, null)
    {
    }

    public DatasetFormatException(string file, int line, string problem, Exception? inner)
        : base(line > 0 ? $"{file}, line {line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public string File { get; }

    /// <summary>1-based line number, or 0 when the problem is not on one line.</summary>
    public int Line { get; }

    public string Problem { get; }
}
