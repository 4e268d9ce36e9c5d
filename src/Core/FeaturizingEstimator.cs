using Microsoft.ML;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Estimator side of a featurizing transform. Most transforms need no training; those that learn
/// statistics (spectrogram standardization) override <see cref="Fit"/>.
/// </summary>
public abstract class FeaturizingEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : FeaturizingTransformer
{
    protected FeaturizingEstimator(string inputColumnName, IReadOnlyList<FeatureColumn> outputColumns)
    {
        InputColumnName = inputColumnName;
        OutputColumns = outputColumns;
    }

    public string InputColumnName { get; }
    public IReadOnlyList<FeatureColumn> OutputColumns { get; }

    public abstract TTransformer Fit(IDataView input);

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        SchemaChecks.RequireText(inputSchema, InputColumnName, "Input");
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(SchemaChecks.ToSchema(inputSchema));
        foreach (var column in OutputColumns) builder.AddColumn(column.Name, column.Type, column.Annotations);
        return SchemaChecks.ShapeOf(builder.ToSchema());
    }
}
