namespace MsaMl.Pipelines.Datasets;

/// <summary>Options for <see cref="SenticapReader.Read"/>.</summary>
public sealed class SenticapOptions
{
    /// <summary>
    /// The annotations: <c>senticap_dataset.json</c> (original release), <c>senticap.csv</c>
    /// (Kaggle re-packaging), or a folder holding one of them.
    /// </summary>
    public string AnnotationPath { get; set; } = "";

    /// <summary>
    /// The folder holding the images by file name: the COCO <c>val2014</c> folder for the original
    /// release. When null, <c>Images</c>, <c>senticap_images</c> or <c>val2014</c> next to the
    /// annotation file is used, the first that exists.
    /// </summary>
    public string? ImageFolder { get; set; }
}
