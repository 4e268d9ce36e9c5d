using Microsoft.ML;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Class-balanced weights, shared by the TorchSharp trainers' loss (<c>BalanceClasses</c>) and ML.NET
/// trainers' example weights (<c>ClassBalancedEstimator</c>): class c weighs n / (K · n<sub>c</sub>)
/// over the K classes that have rows, so every class weighs n / K in all and the rows together still
/// weigh n (an L2 penalty keeps its strength against the data).
/// </summary>
public static class ClassBalance
{
    /// <summary>The weight of each class (key value k at index k-1) from its row count; 0 for a class without rows.</summary>
    public static float[] Weights(IReadOnlyList<int> counts)
    {
        float rows = counts.Sum();
        int present = counts.Count(c => c > 0);
        return counts.Select(c => c > 0 ? rows / (present * c) : 0f).ToArray();
    }

    /// <summary>How many rows of <paramref name="data"/> carry each key value of the UInt32 key column <paramref name="label"/> (missing keys not counted).</summary>
    public static int[] KeyCounts(IDataView data, DataViewSchema.Column label, int classes)
    {
        var counts = new int[classes];
        using var cursor = data.GetRowCursor([label]);
        var getter = cursor.GetGetter<uint>(label);
        uint key = 0;
        while (cursor.MoveNext())
        {
            getter(ref key);
            if (key > 0) counts[key - 1]++;
        }
        return counts;
    }
}
