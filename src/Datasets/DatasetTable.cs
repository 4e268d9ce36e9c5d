using Microsoft.ML;

namespace MsaMl.Datasets;

/// <summary>What a dataset reader returns: the rows, an <see cref="IDataView"/> over them, and a summary.</summary>
public sealed class DatasetTable<TRecord> where TRecord : MultimodalRecord
{
    public DatasetTable(MLContext context, string name, IReadOnlyList<TRecord> records, IReadOnlyList<string> warnings)
    {
        Name = name;
        Records = records;
        Warnings = warnings;
        Data = context.Data.LoadFromEnumerable(records);
        Summary = DatasetSummary.Of(name, records, warnings);
    }

    public string Name { get; }
    public IReadOnlyList<TRecord> Records { get; }

    /// <summary>Problems found while reading that did not stop it (missing files, skipped lines), one line each.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public IDataView Data { get; }
    public DatasetSummary Summary { get; }

}
