namespace MsaMl.Trainers.Aat;

/// <summary>Which network reads the spectrogram.</summary>
public enum AatAudioEncoder
{
    /// <summary>AlexNet's convolutional stack (the paper).</summary>
    AlexNetFcn,
    /// <summary>A small 3-conv CNN (the paper's final runs).</summary>
    SmallCnn,
    /// <summary>Average-pool to a grid and a linear map (low-resource).</summary>
    Linear,
}
