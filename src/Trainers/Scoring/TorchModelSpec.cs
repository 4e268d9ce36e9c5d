namespace MsaMl.Trainers.Scoring;

/// <summary>
/// What a scoring transformer needs besides the network: its inputs, their shapes and the classes
/// (none for a regression model, whose network has one output).
/// </summary>
public sealed record TorchModelSpec(string[] FeatureColumns, int[][] RowShapes, string[] ClassNames, string ScoreColumn, string PredictedLabelColumn,
    string? BinaryScoreColumn = null, string? BinaryPredictedLabelColumn = null, bool Regression = false)
{
    /// <summary>The width of the network's last layer: the number of classes, or 1 for regression.</summary>
    public int Outputs => Regression ? 1 : ClassNames.Length;
}
