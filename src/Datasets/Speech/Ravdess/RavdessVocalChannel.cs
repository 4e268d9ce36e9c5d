namespace MsaMl.Datasets.Speech;

/// <summary>RAVDESS's vocal channel (the second field of a file name).</summary>
public enum RavdessVocalChannel
{
    /// <summary>Spoken statements (01).</summary>
    Speech,
    /// <summary>Sung statements (02).</summary>
    Song,
    /// <summary>Both.</summary>
    Both,
}
