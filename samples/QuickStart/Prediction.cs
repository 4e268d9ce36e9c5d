namespace MsaMl.Samples.QuickStart;

/// <summary>What the PredictionEngine returns for one row; properties bind to output columns by name.</summary>
public sealed class Prediction
{
    /// <summary>The predicted class as text (the pipeline's last MapKeyToValue step).</summary>
    public string PredictedText { get; set; } = "";

    /// <summary>Class probabilities, in the order of the Score column's slot names.</summary>
    public float[] Score { get; set; } = [];
}
