namespace MsaMl.Datasets.Images;

/// <summary>
/// Parses <c>labelResultAll.txt</c>: the header <c>ID TAB text,image</c> (MVSA-Single) or with three
/// <c>text,image</c> columns (MVSA-Multiple, one per annotator), then <c>&lt;id&gt; TAB &lt;text&gt;,&lt;image&gt;...</c>.
/// </summary>
internal static class MvsaLabelFile
{
    private const string HeaderExpectation =
        "expected the header 'ID<TAB>text,image' (MVSA-Single) or 'ID<TAB>text,image<TAB>text,image<TAB>text,image' (MVSA-Multiple)";

    /// <summary>The posts, and the number of annotators the header announces.</summary>
    public static (IReadOnlyList<MvsaAnnotatedPost> Posts, int Annotators) Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new DatasetFormatException(path, 1, "the file is empty; " + HeaderExpectation);
        string[] header = lines[0].Trim().Split('\t');
        if (header.Length < 2 || header[0].Trim() != "ID" || header.Skip(1).Any(h => h.Trim() != "text,image"))
            throw new DatasetFormatException(path, 1, $"{HeaderExpectation}, found '{lines[0]}'");

        int annotators = header.Length - 1;
        var posts = new List<MvsaAnnotatedPost>();
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0) continue;
            posts.Add(ParsePost(path, i + 1, line, annotators));
        }
        return (posts, annotators);
    }

    private static MvsaAnnotatedPost ParsePost(string path, int lineNumber, string line, int annotators)
    {
        string[] fields = line.Split('\t');
        if (fields.Length != annotators + 1)
            throw new DatasetFormatException(path, lineNumber,
                $"expected an id and {annotators} tab-separated 'text,image' label pair(s), found '{line}'");
        string id = fields[0].Trim();
        if (id.Length == 0 || !id.All(char.IsAsciiDigit))
            throw new DatasetFormatException(path, lineNumber, $"the post id '{id}' is not a number");

        var annotations = new List<(string, string)>(annotators);
        foreach (string pair in fields.Skip(1))
        {
            string[] labels = pair.Split(',');
            if (labels.Length != 2 || !MvsaLabelRules.IsLabel(labels[0].Trim()) || !MvsaLabelRules.IsLabel(labels[1].Trim()))
                throw new DatasetFormatException(path, lineNumber,
                    $"expected 'text,image' labels, each positive, neutral or negative, found '{pair}'");
            annotations.Add((labels[0].Trim(), labels[1].Trim()));
        }
        return new MvsaAnnotatedPost(id, annotations, lineNumber);
    }
}
