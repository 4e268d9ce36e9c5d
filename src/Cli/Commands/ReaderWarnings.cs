using Microsoft.ML;
using MsaMl.Experiments;

namespace MsaMl.Cli.Commands;

/// <summary>The dataset reader's warnings (each with its count) on standard error.</summary>
internal static class ReaderWarnings
{
    /// <summary>Prints <paramref name="warnings"/>, one line each.</summary>
    public static void Print(IEnumerable<string> warnings)
    {
        foreach (string warning in warnings) Console.Error.WriteLine($"msa: warning: {warning}");
    }

    /// <summary>Reads <paramref name="dataset"/> and prints its reader's warnings (for a run that reads it itself, as cross-corpus training does).</summary>
    public static void Print(string dataset, string? root, string? map = null, string? encoding = null) =>
        Print(DatasetLoader.Read(new MLContext(seed: 1), dataset, root, map, encoding).Warnings);
}
