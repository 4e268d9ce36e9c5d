namespace MsaMl.Datasets.Video;

/// <summary>
/// One CMU-MOSI / CMU-MOSEI / CH-SIMS clip from MMSA's <c>label.csv</c>. <see cref="MultimodalRecord.Id"/> is
/// <c>&lt;video_id&gt;$_$&lt;clip_id&gt;</c> as in MMSA; <see cref="MultimodalRecord.Label"/> is the
/// three-class view of <see cref="IntensityRecord.Sentiment"/> (<see cref="MosiSentiment.ThreeClass"/>; for CH-SIMS
/// <see cref="MosiSentiment.SimsThreeClass"/>).
/// </summary>
public sealed class MosiRecord : IntensityRecord
{
    /// <summary>The YouTube video id.</summary>
    public string VideoId { get; set; } = "";

    /// <summary>The clip (segment) id within the video.</summary>
    public string ClipId { get; set; } = "";

    /// <summary>The text-only label (<c>label_T</c>), NaN when the file leaves it empty (as for MOSI and MOSEI).</summary>
    public float TextSentiment { get; set; } = float.NaN;

    /// <summary>The audio-only label (<c>label_A</c>), NaN when empty.</summary>
    public float AudioSentiment { get; set; } = float.NaN;

    /// <summary>The vision-only label (<c>label_V</c>), NaN when empty.</summary>
    public float VisualSentiment { get; set; } = float.NaN;

    /// <summary>MMSA's <c>annotation</c> column: Positive, Negative or Neutral.</summary>
    public string Annotation { get; set; } = "";
}
