using System.CommandLine;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary>
/// Exit codes a script can rely on, and errors as one clear line (the details with --verbose).
/// 0 success, 1 failure of the run, 2 bad usage or input (missing file, bad data).
/// </summary>
internal static class CommandErrors
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Show full error details.", Recursive = true };

    public static int Run(ParseResult parse, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ArgumentException or UnauthorizedAccessException
                                   or MsaMl.Transforms.Core.MsaInputException or MsaMl.Datasets.DatasetFormatException
                                   or MsaMl.Datasets.DatasetRootException)
        {
            return Report(parse, ex, BadInput);
        }
        catch (Exception ex) when (MsaMl.Transforms.Core.MsaInputException.Find(ex) is { } input)
        {
            // ML.NET wraps what a featurizer throws inside a cursor ("Exception thrown in cursoring").
            return Report(parse, input, BadInput, ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or NotSupportedException)
        {
            return Report(parse, ex, Failure);
        }
    }

    private static int Report(ParseResult parse, Exception ex, int code, Exception? details = null)
    {
        Console.Error.WriteLine($"msa: error: {ex.Message}");
        if (parse.GetValue(Verbose)) Console.Error.WriteLine(details ?? ex);
        return code;
    }
}
