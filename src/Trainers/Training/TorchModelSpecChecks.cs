namespace MsaMl.Trainers.Training;

/// <summary>
/// Checks a saved <see cref="Scoring.TorchModelSpec"/> before a network is built from it: inputs with positive shapes
/// that fit in a vector, and distinct, non-empty class names for a classifier (their count is the network's output
/// width, so the saved weights are then checked against it).
/// </summary>
internal static class TorchModelSpecChecks
{
    public static void Check(Scoring.TorchModelSpec spec, string kind)
    {
        InvalidDataException Bad(string problem) => new($"Model '{kind}': the spec {problem}.");

        if (spec.FeatureColumns is not { Length: > 0 } || spec.FeatureColumns.Any(string.IsNullOrWhiteSpace))
            throw Bad("lists no feature columns, or an empty one");
        if (spec.RowShapes is null || spec.RowShapes.Length != spec.FeatureColumns.Length)
            throw Bad($"gives {spec.RowShapes?.Length ?? 0} row shapes for {spec.FeatureColumns.Length} feature columns; expected one each");
        for (int i = 0; i < spec.RowShapes.Length; i++)
        {
            var shape = spec.RowShapes[i];
            if (shape is not { Length: > 0 } || shape.Any(d => d <= 0) || shape.Aggregate(1.0, (a, d) => a * d) > Array.MaxLength)
                throw Bad($"gives column '{spec.FeatureColumns[i]}' the shape [{string.Join(", ", shape ?? [])}]; expected positive sizes of at most {Array.MaxLength} values in all");
        }
        if (string.IsNullOrWhiteSpace(spec.ScoreColumn) || (!spec.Regression && string.IsNullOrWhiteSpace(spec.PredictedLabelColumn)))
            throw Bad("names no Score or PredictedLabel column");
        if (spec.Regression) return;
        if (spec.ClassNames is not { Length: > 0 } || spec.ClassNames.Any(string.IsNullOrWhiteSpace))
            throw Bad("lists no class names, or an empty one; expected the names of the classes the network predicts");
        var repeated = spec.ClassNames.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated != null) throw Bad($"lists class '{repeated.Key}' twice; expected distinct names");
    }
}
