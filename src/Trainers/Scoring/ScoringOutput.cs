using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Trainers.Scoring;

/// <summary>The standard multiclass output columns: Score (probabilities, slot names = classes) and PredictedLabel (key).</summary>
internal static class ScoringOutput
{
    public static DataViewSchema Schema(DataViewSchema input, string scoreColumn, string predictedColumn, string[] classes)
    {
        var names = new VBuffer<ReadOnlyMemory<char>>(classes.Length, classes.Select(c => c.AsMemory()).ToArray());
        var textVector = new VectorDataViewType(TextDataViewType.Instance, classes.Length);

        var scoreAnnotations = new DataViewSchema.Annotations.Builder();
        scoreAnnotations.Add("SlotNames", textVector, (ref VBuffer<ReadOnlyMemory<char>> v) => names.CopyTo(ref v));
        scoreAnnotations.Add("ScoreColumnKind", TextDataViewType.Instance, (ref ReadOnlyMemory<char> v) => v = "MulticlassClassification".AsMemory());
        scoreAnnotations.Add("ScoreValueKind", TextDataViewType.Instance, (ref ReadOnlyMemory<char> v) => v = "Score".AsMemory());
        var keyAnnotations = new DataViewSchema.Annotations.Builder();
        keyAnnotations.Add("KeyValues", textVector, (ref VBuffer<ReadOnlyMemory<char>> v) => names.CopyTo(ref v));

        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        builder.AddColumn(scoreColumn, new VectorDataViewType(NumberDataViewType.Single, classes.Length), scoreAnnotations.ToAnnotations());
        builder.AddColumn(predictedColumn, new KeyDataViewType(typeof(uint), classes.Length), keyAnnotations.ToAnnotations());
        return builder.ToSchema();
    }
}
