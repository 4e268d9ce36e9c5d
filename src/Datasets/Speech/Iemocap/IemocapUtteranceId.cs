using System.Text.RegularExpressions;

namespace MsaMl.Datasets.Speech;

/// <summary>
/// What an IEMOCAP utterance id says: <c>Ses01F_impro01_F000</c> is session 1, an improvised
/// dialog, spoken by the session's female actor.
/// </summary>
internal sealed partial record IemocapUtteranceId(int Session, char Gender, bool Improvised)
{
    [GeneratedRegex(@"^Ses(?<session>\d{2})[FM]_(?<kind>impro|script)[^_]*(_[^_]+)*_(?<gender>[FM])[^_]*$")]
    private static partial Regex Pattern();

    /// <summary>Speaker name: session and gender, e.g. <c>Ses01_F</c>.</summary>
    public string Speaker => $"Ses{Session:D2}_{Gender}";

    public static IemocapUtteranceId? TryParse(string id)
    {
        var match = Pattern().Match(id);
        if (!match.Success) return null;
        return new IemocapUtteranceId(
            int.Parse(match.Groups["session"].Value),
            match.Groups["gender"].Value[0],
            match.Groups["kind"].Value == "impro");
    }
}
