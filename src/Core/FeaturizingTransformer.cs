using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Base of every MsaMl featurizing transform: reads one text column (a path or a sentence) and
/// appends fixed-size float vector columns. The single-row path (PredictionEngine) is
/// <see cref="RowMappingTransformer"/>'s; <see cref="Transform"/> reads rows ahead and hands them
/// to the <see cref="Featurizer"/> in batches (BERT pads each batch only to its longest row).
/// Derived classes declare their columns and create a per-cursor <see cref="Featurizer"/>.
/// </summary>
public abstract class FeaturizingTransformer : RowMappingTransformer
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

    /// <summary>
    /// Receives how far each pass of <see cref="Transform"/>'s data view has got (rows done, total,
    /// rate); not saved with the model. Reports come from the thread that reads the cursor.
    /// </summary>
    public IProgress<FeaturizingProgress>? Progress { get; set; }

    /// <summary>The name progress reports carry: the output column names.</summary>
    public string ProgressName => string.Join(", ", OutputColumns.Select(c => c.Name));

    public override IReadOnlyList<string> InputColumnNames => new[] { InputColumnName };

    /// <summary>How many rows the data-view path hands to <see cref="Featurizer.Featurize"/> at once.</summary>
    protected internal virtual int BatchSize => 1;

    protected internal abstract Featurizer CreateFeaturizer();

    protected override IReadOnlyList<OutputColumn> GetOutputColumns(DataViewSchema inputSchema)
    {
        SchemaChecks.RequireText(inputSchema, InputColumnName, "Input");
        return OutputColumns.Select(c => new OutputColumn(c.Name, c.Type, c.Annotations)).ToList();
    }

    public override IDataView Transform(IDataView input) => new FeaturizedDataView(this, input);

    protected override RowMapper CreateRowMapper(DataViewRow input) => new SingleRowFeaturizer(this, input);
}
