namespace MsaMl.Pipelines.Datasets;

/// <summary>Options for <see cref="MosiReader.Read"/>.</summary>
public sealed class MosiOptions
{
    /// <summary>The dataset folder as packaged for MMSA (e.g. <c>MOSI</c>), holding <c>label.csv</c>.</summary>
    public string RootFolder { get; set; } = "";

    /// <summary>The dataset's name in summaries and reports.</summary>
    public string Name { get; set; } = "CMU-MOSI";

    /// <summary>
    /// The folder of extracted audio, laid out as <c>&lt;video_id&gt;/&lt;clip_id&gt;.wav</c>;
    /// <c>wav</c> under <see cref="RootFolder"/> when null. Clips without a wav get an empty AudioPath.
    /// </summary>
    public string? AudioFolder { get; set; }
}
