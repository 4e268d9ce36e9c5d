using System.Globalization;

namespace MsaMl.Datasets.Video;

/// <summary>
/// Finds <c>&lt;folder&gt;/&lt;video_id&gt;/&lt;clip_id&gt;&lt;extension&gt;</c>. Clip ids are kept as the label
/// file writes them; when that exact file is missing and the clip id is a number written with a
/// float artefact (MOSEI's <c>32_358999999999995</c>, i.e. 32.358999999999995 with the point
/// written as an underscore, or <c>32.358999999999995</c>), the shortest rounded form that exists
/// (<c>32_359</c>, then <c>32_36</c>, ...) is taken and counted in <see cref="RoundedMatches"/>.
/// Only ids with at least <see cref="ArtefactDigits"/> decimals count as float artefacts, so an
/// ordinary clip id such as <c>82_7645</c> never matches another clip's file.
/// </summary>
public sealed class ClipMediaLookup
{
    private const int MaxDecimals = 6;

    /// <summary>The fewest decimals a clip id needs to be read as a float artefact.</summary>
    public const int ArtefactDigits = 8;
    private readonly string _folder;
    private readonly string _extension;
    private readonly List<string> _rounded = new();

    /// <param name="folder">The folder holding one sub-folder per video.</param>
    /// <param name="extension">The file extension with its dot (".wav", ".mp4").</param>
    public ClipMediaLookup(string folder, string extension)
    {
        _folder = folder;
        _extension = extension;
    }

    /// <summary>Clips found only under a rounded name, as "video/clip -> file name".</summary>
    public IReadOnlyList<string> RoundedMatches => _rounded;

    /// <summary>The exact path (whether or not it exists), used as the target when nothing matches.</summary>
    public string ExactPath(string videoId, string clipId) => Path.Combine(_folder, videoId, clipId + _extension);

    /// <summary>The existing file of the clip, or null.</summary>
    public string? Find(string videoId, string clipId)
    {
        string exact = ExactPath(videoId, clipId);
        if (File.Exists(exact)) return exact;
        foreach (string candidate in RoundedForms(clipId))
        {
            string path = Path.Combine(_folder, videoId, candidate + _extension);
            if (!File.Exists(path)) continue;
            _rounded.Add($"{videoId}/{clipId} -> {candidate}{_extension}");
            return path;
        }
        return null;
    }

    /// <summary>The clip id rounded to 6..1 decimals, longest first, keeping its separator; empty when it is not such a float artefact.</summary>
    public static IEnumerable<string> RoundedForms(string clipId)
    {
        char separator = clipId.Contains('_') ? '_' : '.';
        int at = clipId.IndexOf(separator);
        if (at <= 0 || at != clipId.LastIndexOf(separator)) yield break;
        string decimals = clipId[(at + 1)..];
        if (decimals.Length < ArtefactDigits || !decimals.All(char.IsAsciiDigit) || !clipId[..at].All(char.IsAsciiDigit)) yield break;
        if (!decimal.TryParse(clipId[..at] + "." + decimals, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)) yield break;
        string? previous = null;
        for (int places = Math.Min(MaxDecimals, decimals.Length - 1); places >= 1; places--)
        {
            string text = Math.Round(value, places, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture).Replace('.', separator);
            if (text == previous || text == clipId) continue;
            previous = text;
            yield return text;
        }
    }
}
