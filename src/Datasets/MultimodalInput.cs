namespace MsaMl.Datasets;

/// <summary>
/// The columns a saved model scores from: the input class of an app's PredictionEngine (or a
/// class with only the columns its model reads, such as Text and AudioPath). Ids, labels and
/// splits are training-time columns; a bundle's input schema never lists them.
/// </summary>
public class MultimodalInput
{
    /// <summary>Transcript, caption or post text.</summary>
    public string Text { get; set; } = "";

    /// <summary>Absolute path of the WAV file, or empty (audio missing).</summary>
    public string AudioPath { get; set; } = "";

    /// <summary>Absolute path of the image file, or empty (image missing).</summary>
    public string ImagePath { get; set; } = "";

    /// <summary>Absolute path of the video file, or empty (visual missing).</summary>
    public string VideoPath { get; set; } = "";

    /// <summary>The scoring columns of <paramref name="record"/>.</summary>
    public static MultimodalInput Of(MultimodalRecord record) =>
        new() { Text = record.Text, AudioPath = record.AudioPath, ImagePath = record.ImagePath, VideoPath = record.VideoPath };
}
