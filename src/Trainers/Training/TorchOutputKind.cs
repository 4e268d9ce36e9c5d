namespace MsaMl.Trainers.Training;

/// <summary>What a TorchSharp model predicts, which fixes its output layer, loss and ML.NET output columns.</summary>
public enum TorchOutputKind
{
    /// <summary>Class logits -> softmax; cross-entropy loss; <c>Score</c> (probabilities) and <c>PredictedLabel</c> (key); a key label.</summary>
    Classification,

    /// <summary>
    /// One scalar (sentiment intensity, as MMSA's models output); <see cref="RegressionLoss"/>;
    /// <c>Score</c> as Single, the column <c>mlContext.Regression.Evaluate</c> reads; a Single label.
    /// </summary>
    Regression,
}
