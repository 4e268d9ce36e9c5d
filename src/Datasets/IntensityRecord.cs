namespace MsaMl.Datasets;

/// <summary>
/// A record with a sentiment-intensity target besides its class label: the regression label of
/// MOSI, MOSEI ([-3, 3]) and CH-SIMS ([-1, 1]). Regression models read it as the Single column
/// <c>Sentiment</c>.
/// </summary>
public class IntensityRecord : MultimodalRecord
{
    /// <summary>The name of the regression label column.</summary>
    public const string SentimentColumnName = "Sentiment";

    /// <summary>The regression label: from -3 (very negative) to 3 (very positive); CH-SIMS: -1 to 1.</summary>
    public float Sentiment { get; set; }
}
