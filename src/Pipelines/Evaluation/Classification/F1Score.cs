namespace MsaMl.Pipelines.Evaluation;

/// <summary>F1 of one class and its averages, with scikit-learn's conventions (an undefined ratio counts as 0).</summary>
internal static class F1Score
{
    /// <summary>2PR / (P + R), or 0 when P + R is 0 or undefined.</summary>
    public static double Of(double precision, double recall)
    {
        precision = ZeroIfUndefined(precision);
        recall = ZeroIfUndefined(recall);
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }

    /// <summary>Σ support·F1 / Σ support (scikit-learn's <c>average='weighted'</c>); NaN when there are no rows.</summary>
    public static double SupportWeighted(IReadOnlyList<double> f1, IReadOnlyList<double> support)
    {
        double total = support.Sum();
        if (total <= 0)
            return double.NaN;
        double sum = 0;
        for (int i = 0; i < f1.Count; i++)
            sum += f1[i] * support[i];
        return sum / total;
    }

    /// <summary>A ratio whose denominator was 0 (NaN or infinite) counts as 0, as scikit-learn's <c>zero_division=0</c>.</summary>
    public static double ZeroIfUndefined(double ratio) => double.IsFinite(ratio) ? ratio : 0;
}
