using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Estimator side of a featurizing transform. Most transforms need no training; those that learn
/// statistics (spectrogram standardization) override <see cref="Fit"/>.
/// </summary>
public abstract class FeaturizingEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : FeaturizingTransformer
{
    protected FeaturizingEstimator(string inputColumnName, IReadOnlyList<FeatureColumn> outputColumns, IProgress<FeaturizingProgress>? progress = null)
    {
        Progress = progress;
        InputColumnName = inputColumnName;
        OutputColumns = outputColumns;
    }

    public string InputColumnName { get; }

    /// <summary>
    /// Given to the fitted transformer's <see cref="FeaturizingTransformer.Progress"/> (and used by
    /// a fit that reads the data, such as the spectrogram's dataset moments); set from the options' <c>Progress</c>.
    /// </summary>
    public IProgress<FeaturizingProgress>? Progress { get; set; }

    /// <summary>Hands <see cref="Progress"/> to a fitted transformer.</summary>
    protected TTransformer WithProgress(TTransformer transformer)
    {
        transformer.Progress ??= Progress;
        return transformer;
    }
    public IReadOnlyList<FeatureColumn> OutputColumns { get; }

    public abstract TTransformer Fit(IDataView input);

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        SchemaChecks.RequireText(inputSchema, InputColumnName, "Input");
        return SchemaChecks.Append(inputSchema, OutputColumns.Select(c => (c.Name, (DataViewType)c.Type, (DataViewSchema.Annotations?)c.Annotations)));
    }
}
