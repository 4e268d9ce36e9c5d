namespace MsaMl.Trainers.Ote;

/// <summary>How image and text are fused.</summary>
public enum OteFusion
{
    /// <summary>The concatenation as one token through the encoder layer (the original code; attention is then an identity mix).</summary>
    Paper,
    /// <summary>Image and text as two tokens of a common width, so attention crosses modalities.</summary>
    CrossModal,
}
