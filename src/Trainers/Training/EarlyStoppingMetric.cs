namespace MsaMl.Trainers.Training;

/// <summary>The validation figure early stopping watches (and the best weights are kept by) for classification.</summary>
public enum EarlyStoppingMetric
{
    /// <summary>Weighted accuracy: correct predictions over all rows.</summary>
    Accuracy,
    /// <summary>Unweighted accuracy: the mean of the per-class recalls, for imbalanced classes (IEMOCAP's UA).</summary>
    UnweightedAccuracy,
}
