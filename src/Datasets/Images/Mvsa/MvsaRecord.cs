namespace MsaMl.Datasets.Images;

/// <summary>
/// One MVSA post (tweet text and image). <see cref="MultimodalRecord.Label"/> is the joint label
/// from <see cref="MvsaLabelRules.Joint"/>; <see cref="MultimodalRecord.Id"/> is the post id.
/// </summary>
public sealed class MvsaRecord : MultimodalRecord
{
    /// <summary>The text's label (for MVSA-Multiple, the annotators' majority).</summary>
    public string TextLabel { get; set; } = "";

    /// <summary>The image's label (for MVSA-Multiple, the annotators' majority).</summary>
    public string ImageLabel { get; set; } = "";
}
