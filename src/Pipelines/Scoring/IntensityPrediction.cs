namespace MsaMl.Pipelines.Scoring;

/// <summary>A regression bundle's output for one row: the predicted sentiment intensity.</summary>
public sealed class IntensityPrediction
{
    /// <summary>The predicted intensity.</summary>
    public float Score { get; set; }
}
