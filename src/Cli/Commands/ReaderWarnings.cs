using Microsoft.ML;
using MsaMl.Pipelines.Datasets;

namespace MsaMl.Cli.Commands;

/// <summary>The dataset reader's warnings (each with its count) on standard error, for the commands that read a dataset by name.</summary>
internal static class ReaderWarnings
{
    /// <summary>For IEMOCAP: reads the tree's annotations and prints the reader's warnings (excluded utterances, missing wavs, skipped lines).</summary>
    public static void Print(string dataset, string? root)
    {
        if (!dataset.Equals("iemocap", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(root)) return;
        var table = IemocapReader.Read(new MLContext(seed: 1), new IemocapOptions { RootFolder = root, SplitProtocol = IemocapSplitProtocol.Session5Test });
        foreach (string warning in table.Warnings) Console.Error.WriteLine($"msa: warning: {warning}");
    }
}
