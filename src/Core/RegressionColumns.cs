using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>
/// ML.NET's regression output: one Single <c>Score</c> column annotated as a regression score, the
/// column <c>mlContext.Regression.Evaluate</c> reads (ML.NET's own regression trainers write the same).
/// </summary>
public static class RegressionColumns
{
    public static OutputColumn Create(string scoreColumn)
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add("ScoreColumnKind", TextDataViewType.Instance, (ref ReadOnlyMemory<char> v) => v = "Regression".AsMemory());
        annotations.Add("ScoreValueKind", TextDataViewType.Instance, (ref ReadOnlyMemory<char> v) => v = "Score".AsMemory());
        return new OutputColumn(scoreColumn, NumberDataViewType.Single, annotations.ToAnnotations());
    }
}
