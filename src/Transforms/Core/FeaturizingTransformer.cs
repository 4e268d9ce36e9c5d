using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Base of every MsaMl featurizing transform: reads one text column (a path or a sentence) and
/// appends fixed-size float vector columns. Written against ML.NET's public interfaces only
/// (<see cref="ITransformer"/>, <see cref="IRowToRowMapper"/>, <see cref="IDataView"/>), so it works
/// in pipelines, under <c>Transform</c> and under <c>PredictionEngine</c>. Derived classes declare
/// their columns and create a per-cursor <see cref="Featurizer"/>.
/// </summary>
public abstract class FeaturizingTransformer : IMsaTransformer
{
    protected FeaturizingTransformer(string inputColumnName, IReadOnlyList<FeatureColumn> outputColumns)
    {
        if (string.IsNullOrWhiteSpace(inputColumnName)) throw new ArgumentException("Input column name must not be empty.", nameof(inputColumnName));
        if (outputColumns.Count == 0) throw new ArgumentException("A featurizing transform needs at least one output column.", nameof(outputColumns));
        var duplicate = outputColumns.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new ArgumentException($"Output column '{duplicate.Key}' is declared twice.", nameof(outputColumns));
        InputColumnName = inputColumnName;
        OutputColumns = outputColumns;
    }

    /// <summary>The text column read by this transform.</summary>
    public string InputColumnName { get; }

    /// <summary>The columns this transform appends.</summary>
    public IReadOnlyList<FeatureColumn> OutputColumns { get; }

    /// <summary>A stable name for this kind of transform, used to save and re-create it.</summary>
    public abstract string Kind { get; }

    /// <summary>The options that re-create an identical transformer through <see cref="TransformFactory"/>.</summary>
    public abstract JsonNode SaveOptions();

    /// <summary>Featurizers are fully described by their options.</summary>
    public IReadOnlyDictionary<string, byte[]> SaveArtifacts() => new Dictionary<string, byte[]>();

    /// <summary>How many rows the data-view path hands to <see cref="Featurizer.Featurize"/> at once.</summary>
    protected internal virtual int BatchSize => 1;

    protected internal abstract Featurizer CreateFeaturizer();

    public bool IsRowToRowMapper => true;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        SchemaChecks.RequireText(inputSchema, InputColumnName, "Input");
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        foreach (var column in OutputColumns) builder.AddColumn(column.Name, column.Type, column.Annotations);
        return builder.ToSchema();
    }

    public IDataView Transform(IDataView input) => new FeaturizedDataView(this, input);

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new FeaturizingRowMapper(this, inputSchema);

    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException(
            $"'{Kind}' is an MsaMl transform; ML.NET's model format does not accept third-party transforms. " +
            "Save the model with mlContext.Msa().Model.Save(model, schema, path).");
}
