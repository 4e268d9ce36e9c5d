using System.CommandLine;

namespace MsaMl.Cli.Commands;

/// <summary>The <c>--map</c> and <c>--encoding</c> options of <c>--dataset table</c>.</summary>
internal static class TableArguments
{
    public static Option<string?> Map() => new("--map")
    {
        Description = "--dataset table: which column is what, key=Column,... with keys id, text, audio, image, video, label, split, group (e.g. text=Text,image=Name,label=Valence).",
    };

    public static Option<string?> Encoding() => new("--encoding")
    {
        Description = "--dataset table: the table's text encoding (e.g. windows-1252, latin1); default UTF-8, or UTF-16 by byte-order mark.",
    };
}
