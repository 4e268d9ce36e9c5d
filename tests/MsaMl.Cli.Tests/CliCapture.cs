namespace MsaMl.Cli.Tests;

internal static class CliCapture
{
    /// <summary>Runs <c>msa</c> in-process; returns the exit code, what it wrote to standard output and to standard error.</summary>
    public static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var previous = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var (code, errors) = CliRunner.Run(args);
            return (code, output.ToString(), errors);
        }
        finally
        {
            Console.SetOut(previous);
        }
    }
}
