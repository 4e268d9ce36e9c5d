namespace MsaMl.Cli.Commands;

/// <summary>The dataset reader's warnings (each with its count) on standard error.</summary>
internal static class ReaderWarnings
{
    /// <summary>Prints <paramref name="warnings"/>, one line each.</summary>
    public static void Print(IEnumerable<string> warnings)
    {
        foreach (string warning in warnings) Console.Error.WriteLine($"msa: warning: {warning}");
    }
}
