namespace MsaMl.Trainers.Training;

/// <summary>The loss of a regression model.</summary>
public enum RegressionLoss
{
    /// <summary>Mean absolute error (L1), as MMSA trains its regression models.</summary>
    L1,

    /// <summary>Mean squared error.</summary>
    Mse,
}
