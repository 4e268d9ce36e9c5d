using Microsoft.ML;
using MsaMl.Transforms.Core;

namespace MsaMl.Pipelines.Fusion;

/// <summary>Estimator of <see cref="LateFusionTransformer"/>: nothing to learn, it combines trained members' scores (class probabilities, or regression values).</summary>
public sealed class LateFusionEstimator(LateFusionOptions options) : IEstimator<LateFusionTransformer>
{
    private readonly LateFusionOptions _options = TransformFactory.Clone(options);

    public LateFusionTransformer Fit(IDataView input)
    {
        var transformer = new LateFusionTransformer(_options);
        transformer.GetOutputSchema(input.Schema);
        return transformer;
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        foreach (var member in _options.Members)
            if (!inputSchema.Any(c => c.Name == member.ScoreColumnName))
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Late fusion member '{member.Name}': score column '{member.ScoreColumnName}' not found.");
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(SchemaChecks.ToSchema(inputSchema));
        var first = inputSchema.First(c => c.Name == _options.Members[0].ScoreColumnName);
        if (first.Kind == SchemaShape.Column.VectorKind.Scalar && first.ItemType == Microsoft.ML.Data.NumberDataViewType.Single)
        {
            var score = RegressionColumns.Create(_options.ScoreColumnName);
            builder.AddColumn(score.Name, score.Type, score.Annotations);
            builder.AddColumn(_options.FusedModalitiesColumnName, Microsoft.ML.Data.TextDataViewType.Instance);
            return SchemaChecks.ShapeOf(builder.ToSchema());
        }
        var classes = new[] { "1", "2" };
        foreach (var column in ClassificationColumns.Create(_options.ScoreColumnName, _options.PredictedLabelColumnName, classes))
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        builder.AddColumn(_options.FusedModalitiesColumnName, Microsoft.ML.Data.TextDataViewType.Instance);
        if (_options.Mode == LateFusionMode.Stacking)
            builder.AddColumn(_options.StackedScoresColumnName,
                new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, classes.Length * _options.Members.Count));
        return SchemaChecks.ShapeOf(builder.ToSchema());
    }
}
