using System.Globalization;
using Microsoft.ML;
using MsaMl.Transforms.Core;

namespace MsaMl.Datasets;

/// <summary>
/// Reads any multimodal dataset kept as a table (CSV, TSV or JSON Lines) beside its audio or image
/// files: the columns named by <see cref="TableReaderOptions.Columns"/> become MsaMl's standard
/// columns. Without a split column the rows are split with <see cref="GroupStratifiedSplit"/>.
/// </summary>
public static class TableReader
{
    private const string Expected = "expected a table file: CSV, TSV or JSON Lines";

    /// <summary>Reads the table named by <see cref="TableReaderOptions.Path"/>.</summary>
    /// <exception cref="DatasetRootException">The file or the base folder does not exist, or the path names a folder, device or pipe.</exception>
    /// <exception cref="DatasetFormatException">The file is malformed, a mapped column does not exist, or a row is bad (names the file and line).</exception>
    /// <exception cref="ArgumentException">The path is empty, the encoding unknown, or the split fractions invalid.</exception>
    public static DatasetTable<TableRecord> Read(MLContext context, TableReaderOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
            throw new ArgumentException($"TableReaderOptions.Path is empty; {Expected}", nameof(options));
        string file = System.IO.Path.GetFullPath(options.Path);
        var kind = FileKinds.Of(file);
        if (kind != FileKind.Regular)
            throw new DatasetRootException(file, kind == FileKind.Missing ? $"no such file; {Expected}" : $"this is {FileKinds.Describe(kind)}, not a regular file; {Expected}");
        string baseFolder = System.IO.Path.GetFullPath(options.BaseFolder ?? System.IO.Path.GetDirectoryName(file)!);
        if (!Directory.Exists(baseFolder))
            throw new DatasetRootException(baseFolder, "the base folder does not exist; expected the folder that the table's relative file paths start from");

        var raw = TableFile.Read(file, options.Format, options.Encoding);
        var columns = TableColumns.Resolve(raw, options.Columns);
        var rows = new TableRows(raw, columns, options, baseFolder);
        var records = rows.Read();

        string name = options.Name ?? System.IO.Path.GetFileName(file);
        var warnings = new List<string>(rows.Warnings);
        if (columns.Split < 0)
        {
            var result = GroupStratifiedSplit.Assign(records, GroupOf(columns), options.Split, StratumOf(records, options.LabelKind));
            name += $" (no split column: {options.Split.Describe()}, stratified by label, {GroupingOf(options.Columns)}, {result.Groups} groups)";
            if (result.EmptySplits.Count > 0)
                warnings.Add($"the split left {string.Join(" and ", result.EmptySplits)} empty: {result.Groups} group(s) are too few or too large for the fractions {options.Split.Describe()}");
        }
        return new DatasetTable<TableRecord>(context, name, records, warnings);
    }

    private static Func<TableRecord, string?> GroupOf(TableColumns columns) =>
        columns.Group >= 0 ? r => r.Group : r => r.ImagePath.Length > 0 ? r.ImagePath : r.VideoPath.Length > 0 ? r.VideoPath : r.AudioPath;

    private static string GroupingOf(TableColumnMap map) =>
        map.Group is { } group ? $"grouped by column '{group}'" : "rows with the same file kept together";

    /// <summary>Class labels stratify as they are; numbers by quintile (rank-based), so every split spans the range.</summary>
    private static Func<TableRecord, string>? StratumOf(IReadOnlyList<TableRecord> records, TableLabelKind kind)
    {
        if (kind == TableLabelKind.Class) return null;
        var ranked = records.OrderBy(r => r.Value).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var bins = new Dictionary<TableRecord, string>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < ranked.Count; i++) bins[ranked[i]] = (i * 5 / ranked.Count).ToString(CultureInfo.InvariantCulture);
        return r => bins[r];
    }
}
