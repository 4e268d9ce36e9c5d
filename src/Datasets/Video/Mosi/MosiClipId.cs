using System.Text.RegularExpressions;

namespace MsaMl.Datasets.Video;

/// <summary>
/// Splits the single <c>id</c> column of MOSI-style label files into video and clip ids. The rule:
/// the clip id is what follows the <b>last</b> underscore (YouTube video ids may themselves hold
/// underscores and dashes: <c>-lzEya4AM_4</c> is video <c>-lzEya4AM</c>, clip <c>4</c>); a pattern
/// with the named groups <c>video</c> and <c>clip</c> overrides it (<see cref="MosiOptions.IdPattern"/>).
/// </summary>
internal sealed class MosiClipId
{
    private readonly Regex? _pattern;
    private readonly string? _given;

    public MosiClipId(string? pattern)
    {
        if (pattern == null) return;
        _given = pattern;
        try
        {
            _pattern = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"MosiOptions.IdPattern '{pattern}' is not a valid regular expression: {ex.Message}", nameof(pattern), ex);
        }
        if (_pattern.GroupNumberFromName("video") < 0 || _pattern.GroupNumberFromName("clip") < 0)
            throw new ArgumentException($"MosiOptions.IdPattern '{pattern}' must have the named groups 'video' and 'clip', e.g. (?<video>.+)_(?<clip>[0-9]+).", nameof(pattern));
    }

    /// <summary>The video and clip ids, or the reason the id cannot be split.</summary>
    public (string Video, string Clip)? Split(string id, out string problem)
    {
        problem = "";
        if (_pattern != null)
        {
            var match = _pattern.Match(id);
            if (match.Success && match.Groups["video"].Length > 0 && match.Groups["clip"].Length > 0)
                return (match.Groups["video"].Value, match.Groups["clip"].Value);
            problem = $"id '{id}' does not match MosiOptions.IdPattern '{_given}' with non-empty 'video' and 'clip' groups";
            return null;
        }
        int at = id.LastIndexOf('_');
        if (at > 0 && at < id.Length - 1) return (id[..at], id[(at + 1)..]);
        problem = $"id '{id}' has no underscore between a video id and a clip id (expected <video_id>_<clip_id>, split at the last underscore; set MosiOptions.IdPattern for another rule)";
        return null;
    }
}
