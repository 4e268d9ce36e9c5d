namespace MsaMl.Pipelines.Scoring;

/// <summary>A classifier bundle's output for one row: the class probabilities in the bundle's class order and the predicted key (1 is the first class).</summary>
public sealed class ClassPrediction
{
    /// <summary>One probability per class, in the order of the bundle's class names.</summary>
    public float[] Score { get; set; } = Array.Empty<float>();

    /// <summary>The predicted class as a key: class name k-1 for key k.</summary>
    public uint PredictedLabel { get; set; }
}
