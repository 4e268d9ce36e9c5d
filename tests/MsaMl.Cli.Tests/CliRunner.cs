// The CLI writes errors to Console.Error: tests that capture it must not run in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace MsaMl.Cli.Tests;

internal static class CliRunner
{
    /// <summary>Runs <c>msa</c> in-process; returns the exit code and what it wrote to standard error.</summary>
    public static (int Code, string Errors) Run(params string[] args)
    {
        var previous = Console.Error;
        var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            return (MsaCli.Run(args), errors.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }
}
