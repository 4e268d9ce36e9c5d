using System.CommandLine;
using Microsoft.ML;
using MsaMl.Experiments;

namespace MsaMl.Cli.Commands;

/// <summary>The <c>--map</c> and <c>--encoding</c> options of <c>--dataset table</c>, and the table's summary for the user.</summary>
internal static class TableArguments
{
    public static Option<string?> Map() => new("--map")
    {
        Description = "--dataset table: which column is what, key=Column,... with keys id, text, audio, image, label, split, group (e.g. text=Text,image=Name,label=Valence).",
    };

    public static Option<string?> Encoding() => new("--encoding")
    {
        Description = "--dataset table: the table's text encoding (e.g. windows-1252, latin1); default UTF-8, or UTF-16 by byte-order mark.",
    };

    /// <summary>
    /// For <c>--dataset table</c>: writes what was read (rows, labels, splits, how it was split) to
    /// standard error; the reader's warnings come with the run (<see cref="ReaderWarnings"/>).
    /// </summary>
    public static void Describe(string dataset, string? root, string? map, string? encoding)
    {
        if (!dataset.Equals(TableDatasetLoader.DatasetName, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(root)) return;
        var table = TableDatasetLoader.Read(new MLContext(seed: 1), root, map, encoding);
        Console.Error.WriteLine($"msa: {table.Summary}");
    }
}
