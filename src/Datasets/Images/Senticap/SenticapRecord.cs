namespace MsaMl.Datasets.Images;

/// <summary>
/// One SentiCap caption. <see cref="MultimodalRecord.Id"/> is the image file name without extension,
/// <c>#</c> and the caption's index among that image's captions (e.g. <c>COCO_val2014_000000000192#1</c>).
/// </summary>
public sealed class SenticapRecord : MultimodalRecord
{
    /// <summary>The image file name as given in the annotations (a COCO val2014 name).</summary>
    public string ImageFile { get; set; } = "";

    /// <summary>Index of the caption among its image's captions, from 0.</summary>
    public int CaptionIndex { get; set; }

    /// <summary>The dataset's tokenization of the caption (lower case, no punctuation), joined with spaces.</summary>
    public string Tokens { get; set; } = "";
}
