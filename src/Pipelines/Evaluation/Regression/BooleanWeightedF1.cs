namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// Support-weighted F1 of a two-way split (scikit-learn's <c>f1_score(truth, predicted, average='weighted')</c>
/// on Boolean arrays): the F1 of each value that occurs in the truth or the predictions, weighted
/// by how often it occurs in the truth. A value that only occurs among the predictions weighs 0.
/// </summary>
internal static class BooleanWeightedF1
{
    public static double Of(IReadOnlyList<bool> truth, IReadOnlyList<bool> predicted)
    {
        if (truth.Count == 0)
            return double.NaN;
        var f1 = new double[2];
        var support = new double[2];
        foreach (bool value in new[] { false, true })
        {
            int truePositives = 0, predictedCount = 0, actualCount = 0;
            for (int i = 0; i < truth.Count; i++)
            {
                bool isActual = truth[i] == value, isPredicted = predicted[i] == value;
                if (isActual) actualCount++;
                if (isPredicted) predictedCount++;
                if (isActual && isPredicted) truePositives++;
            }
            int index = value ? 1 : 0;
            support[index] = actualCount;
            f1[index] = F1Score.Of((double)truePositives / predictedCount, (double)truePositives / actualCount);
        }
        return F1Score.SupportWeighted(f1, support);
    }
}
