namespace MsaMl.Transforms.Image;

/// <summary>How pixel values are scaled.</summary>
public enum PixelNormalization
{
    /// <summary>Values in [0, 1] (the paper's ToTensor).</summary>
    UnitRange,
    /// <summary>(x/255 - mean) / std with ImageNet's statistics, for pretrained encoders.</summary>
    ImageNet,
    /// <summary>Raw values in [0, 255].</summary>
    Raw,
}
