using System.Globalization;
using System.Text.RegularExpressions;

namespace MsaMl.Datasets.Speech;

/// <summary>
/// Parses <c>Session{n}/dialog/EmoEvaluation/&lt;dialog&gt;.txt</c>: a <c>%</c> header, then one block
/// per utterance whose first line is <c>[start - end] TAB id TAB label TAB [val, act, dom]</c>,
/// followed by the individual annotators' lines (<c>C-E2: ...</c>, <c>A-E3: ...</c>), which are skipped.
/// </summary>
internal static partial class EmoEvaluationFile
{
    [GeneratedRegex(@"^\[\s*(?<start>[0-9.]+)\s*-\s*(?<end>[0-9.]+)\s*\]\s+(?<id>\S+)\s+(?<label>\S+)\s+\[\s*(?<v>[^,\]\s]+)\s*,\s*(?<a>[^,\]\s]+)\s*,\s*(?<d>[^,\]\s]+)\s*\]\s*$")]
    private static partial Regex UtteranceLine();

    [GeneratedRegex(@"^[A-Za-z]+-[A-Za-z0-9]+\s*:")]
    private static partial Regex AnnotatorLine();

    public static IReadOnlyList<EvaluatedUtterance> Read(string path)
    {
        var utterances = new List<EvaluatedUtterance>();
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            int lineNumber = i + 1;
            if (line.Length == 0 || line.StartsWith('%') || AnnotatorLine().IsMatch(line)) continue;
            if (!line.StartsWith('['))
                throw new DatasetFormatException(path, lineNumber,
                    "expected an utterance line '[start - end]<TAB>utterance id<TAB>label<TAB>[val, act, dom]' or an annotator line such as 'C-E2:<TAB>Neutral;<TAB>()'");
            utterances.Add(ParseUtterance(path, lineNumber, line));
        }
        return utterances;
    }

    private static EvaluatedUtterance ParseUtterance(string path, int lineNumber, string line)
    {
        var match = UtteranceLine().Match(line);
        if (!match.Success)
            throw new DatasetFormatException(path, lineNumber,
                $"expected '[start - end]<TAB>utterance id<TAB>label<TAB>[val, act, dom]', found '{line}'");
        string label = match.Groups["label"].Value;
        if (!IemocapLabels.IsKnown(label))
            throw new DatasetFormatException(path, lineNumber,
                $"unknown label '{label}' (expected one of {string.Join(" ", IemocapLabels.TenClass)} or {IemocapLabels.NoAgreement})");
        return new EvaluatedUtterance(
            match.Groups["id"].Value,
            label,
            Number(path, lineNumber, match.Groups["v"].Value, "valence"),
            Number(path, lineNumber, match.Groups["a"].Value, "activation"),
            Number(path, lineNumber, match.Groups["d"].Value, "dominance"),
            Number(path, lineNumber, match.Groups["start"].Value, "start time"),
            Number(path, lineNumber, match.Groups["end"].Value, "end time"),
            lineNumber);
    }

    private static float Number(string path, int lineNumber, string text, string what) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value)
            ? value
            : throw new DatasetFormatException(path, lineNumber, $"the {what} '{text}' is not a number");
}
