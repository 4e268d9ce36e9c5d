namespace MsaMl.Experiments.Configuration;

/// <summary>The ML.NET multiclass trainers a pooled-feature model can use.</summary>
public enum PooledTrainer
{
    /// <summary>L-BFGS maximum entropy (multinomial logistic regression); deterministic.</summary>
    LbfgsMaximumEntropy,
    /// <summary>SDCA maximum entropy on one thread, so the same seed gives the same model.</summary>
    SdcaMaximumEntropy,
}
