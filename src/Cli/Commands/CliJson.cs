using System.Text.Json;
using System.Text.Json.Serialization;

namespace MsaMl.Cli.Commands;

/// <summary>How <c>--json</c> output is written: NaN (one seed has no standard deviation) and infinities (a log-loss) as strings, never a failed run.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
