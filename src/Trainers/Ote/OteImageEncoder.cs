namespace MsaMl.Trainers.Ote;

/// <summary>Which network reads the image input.</summary>
public enum OteImageEncoder
{
    /// <summary>The paper's small CNN over [3, H, W] pixels.</summary>
    SmallCnn,
    /// <summary>TorchVision's ResNet-50, trained from scratch over [3, H, W] pixels.</summary>
    ResNet50,
    /// <summary>A precomputed feature vector (e.g. pretrained ResNet-18 features) -> Linear -> ReLU.</summary>
    Features,
}
