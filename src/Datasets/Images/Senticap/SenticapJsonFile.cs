using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace MsaMl.Datasets.Images;

/// <summary>
/// Parses the original <c>senticap_dataset.json</c>: <c>{"images": [{"filename", "split",
/// "sentences": [{"raw", "tokens", "sentiment"}]}]}</c>; other fields are ignored.
/// </summary>
internal static partial class SenticapJsonFile
{
    private static readonly JsonSerializerOptions SerializerOptions = new() { PropertyNameCaseInsensitive = true };

    [GeneratedRegex(@"\s*(Path: .*?\| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex PositionSuffix();

    [GeneratedRegex(@"missing required properties,? including:? (?<names>.+?)\.?$")]
    private static partial Regex MissingProperties();

    public static IReadOnlyList<SenticapCaption> Read(string path)
    {
        JsonDataset dataset;
        try
        {
            using var stream = File.OpenRead(path);
            dataset = JsonSerializer.Deserialize<JsonDataset>(stream, SerializerOptions)
                ?? throw new DatasetFormatException(path, 1, "the file holds JSON null instead of an object with an \"images\" array");
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines from 0 and appends its own position to the message.
            int line = (int)(e.LineNumber ?? 0) + 1;
            string where = e.Path is null ? "" : $" (at {e.Path})";
            string problem = PositionSuffix().Replace(e.Message, "");
            var missing = MissingProperties().Match(problem);
            if (missing.Success) problem = $"missing required field(s) {missing.Groups["names"].Value}";
            throw new DatasetFormatException(path, line, problem + where);
        }

        var captions = new List<SenticapCaption>();
        foreach (var image in dataset.Images)
            for (int i = 0; i < image.Sentences.Count; i++)
            {
                var sentence = image.Sentences[i];
                captions.Add(new SenticapCaption(
                    image.Filename, image.Split, i, sentence.Raw.Trim(),
                    string.Join(' ', sentence.Tokens ?? []), sentence.Sentiment == 1));
            }
        return captions;
    }

    private sealed class JsonDataset
    {
        [JsonPropertyName("images")]
        public required List<JsonImage> Images { get; init; }
    }

    private sealed class JsonImage
    {
        [JsonPropertyName("filename")]
        public required string Filename { get; init; }

        [JsonPropertyName("split"), JsonConverter(typeof(SplitConverter))]
        public required string Split { get; init; }

        [JsonPropertyName("sentences")]
        public required List<JsonSentence> Sentences { get; init; }
    }

    private sealed class JsonSentence
    {
        [JsonPropertyName("raw")]
        public required string Raw { get; init; }

        [JsonPropertyName("tokens")]
        public List<string>? Tokens { get; init; }

        [JsonPropertyName("sentiment"), JsonConverter(typeof(SentimentConverter))]
        public required int Sentiment { get; init; }
    }

    /// <summary>Reads a split name and normalizes it, failing (with the JSON position) on unknown names.</summary>
    private sealed class SplitConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : "";
            return SplitNames.Normalize(text)
                ?? throw new JsonException($"\"split\" must be \"train\", \"val\" or \"test\", not '{text}'");
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>Reads a sentiment polarity: 1 (positive) or 0 (negative).</summary>
    private sealed class SentimentConverter : JsonConverter<int>
    {
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value) && value is 0 or 1) return value;
            throw new JsonException("\"sentiment\" must be 1 (positive) or 0 (negative)");
        }

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }
}
