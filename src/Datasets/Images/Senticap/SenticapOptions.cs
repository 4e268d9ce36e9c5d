namespace MsaMl.Datasets.Images;

/// <summary>Options for <see cref="SenticapReader.Read"/>.</summary>
public sealed class SenticapOptions
{
    /// <summary>
    /// The annotations: <c>senticap_dataset.json</c> or <c>senticap_dataset.csv</c> (original
    /// release), <c>senticap.csv</c> (Kaggle re-packaging), or a folder holding one of them.
    /// </summary>
    public string AnnotationPath { get; set; } = "";

    /// <summary>
    /// The folder holding the images by file name: the COCO <c>val2014</c> folder for the original
    /// release. When null, <c>Images</c>, <c>senticap_images</c> or <c>val2014</c> next to the
    /// annotation file is used, the first that exists; when none exists the captions are read as a
    /// text-only dataset (every ImagePath empty) with a warning. A folder given here must exist.
    /// </summary>
    public string? ImageFolder { get; set; }

    /// <summary>
    /// The split made when the annotations have none (the official <c>senticap_dataset.csv</c>):
    /// by image, so that the positive and negative captions of one image never land in two splits,
    /// and stratified by label. Not used for the JSON and the Kaggle CSV, which carry their split.
    /// </summary>
    public GroupStratifiedSplitOptions Split { get; set; } = new();
}
