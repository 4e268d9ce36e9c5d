namespace MsaMl.Datasets;

/// <summary>
/// One example in MsaMl's standard columns. Readers fill what their dataset has; an empty
/// <see cref="AudioPath"/>, <see cref="ImagePath"/> or <see cref="VideoPath"/> means that modality is missing.
/// </summary>
public class MultimodalRecord
{
    /// <summary>Stable identifier within the dataset (utterance id, image/caption id, post id).</summary>
    public string Id { get; set; } = "";

    /// <summary>Transcript, caption or post text.</summary>
    public string Text { get; set; } = "";

    /// <summary>Absolute path of the WAV file, or empty.</summary>
    public string AudioPath { get; set; } = "";

    /// <summary>Absolute path of the image file, or empty.</summary>
    public string ImagePath { get; set; } = "";

    /// <summary>Absolute path of the video file whose frames are the visual modality, or empty.</summary>
    public string VideoPath { get; set; } = "";

    /// <summary>The class label as text (for example "neu", "positive").</summary>
    public string Label { get; set; } = "";

    /// <summary>train / validation / test, or a fold name such as "Session1".</summary>
    public string Split { get; set; } = "";

    /// <summary>
    /// Who speaks (the corpus's speaker id; a table's group column), or empty when the dataset does
    /// not say. Models that standardize per speaker read it; it is never a model's scoring input.
    /// </summary>
    public string Speaker { get; set; } = "";

    /// <summary>Empties the columns of <paramref name="modalities"/> (the text, the paths): those modalities are then missing.</summary>
    public void Blank(Modalities modalities)
    {
        if (modalities.HasFlag(Modalities.Audio)) AudioPath = "";
        if (modalities.HasFlag(Modalities.Image)) ImagePath = "";
        if (modalities.HasFlag(Modalities.Text)) Text = "";
        if (modalities.HasFlag(Modalities.Visual)) VideoPath = "";
    }

    /// <summary>
    /// A copy in the standard columns only, without a reader's extra columns (session, corpus...),
    /// so rows of every dataset give a model the same input schema.
    /// </summary>
    public MultimodalRecord ToStandard() =>
        new() { Id = Id, Text = Text, AudioPath = AudioPath, ImagePath = ImagePath, VideoPath = VideoPath, Label = Label, Split = Split, Speaker = Speaker };
}
