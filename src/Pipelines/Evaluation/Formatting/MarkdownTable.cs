using System.Text;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>A GitHub-flavoured Markdown table: first column left-aligned (names), the others right-aligned (numbers).</summary>
public sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    public MarkdownTable(IEnumerable<string> headers) => _headers = headers.Select(Escape).ToArray();

    public MarkdownTable AddRow(IEnumerable<string> cells)
    {
        var row = cells.Select(Escape).ToArray();
        if (row.Length != _headers.Length)
            throw new ArgumentException($"Expected {_headers.Length} cells, got {row.Length}.", nameof(cells));
        _rows.Add(row);
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", _headers).AppendLine(" |");
        text.Append('|').AppendJoin('|', _headers.Select((_, i) => i == 0 ? ":---" : "---:")).AppendLine("|");
        foreach (var row in _rows)
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
}
