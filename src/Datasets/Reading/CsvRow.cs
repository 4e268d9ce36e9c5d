namespace MsaMl.Datasets;

/// <summary>One record of a CSV file: its fields and the 1-based line on which it starts.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
