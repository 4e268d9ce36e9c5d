using System.Text.Json;
using System.Text.Json.Serialization;

namespace MsaMl.Cli.Commands;

/// <summary>
/// How every <c>--json</c> output is written. JSON has no NaN or infinity: a standard deviation of
/// one seed, the correlation of a constant prediction or an infinite log-loss is written as null,
/// never a failed run.
/// </summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new() { Converters = { new FiniteOrNull() } };

    private sealed class FiniteOrNull : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
