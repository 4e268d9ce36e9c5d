namespace MsaMl.Trainers.Modules;

/// <summary>How an image column's pixel values are scaled (the ImageTensor transform's <c>Normalization</c>).</summary>
public enum PixelScaling
{
    /// <summary>Values in [0, 1] (the ImageTensor transform's default).</summary>
    UnitRange,
    /// <summary>(x/255 - mean) / std with ImageNet's statistics.</summary>
    ImageNet,
    /// <summary>Raw values in [0, 255].</summary>
    Raw,
}
