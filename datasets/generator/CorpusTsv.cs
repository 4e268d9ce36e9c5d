using System.Text;

namespace MsaMl.DemoCorpus;

/// <summary>Writes a corpus table: UTF-8, tab-separated, header <c>id split label cue text path</c>, one row per example.</summary>
public static class CorpusTsv
{
    public const string Header = "id\tsplit\tlabel\tcue\ttext\tpath";

    public static void Write(string path, IEnumerable<CorpusRow> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (row.Text.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
                throw new InvalidOperationException($"{row.Id}: text must not contain tabs or line breaks");
            text.Append(string.Join('\t', row.Id, row.Split, row.Label, row.Cue, row.Text, row.RelativePath)).Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
