using System.Text.Json.Serialization;

namespace MsaMl.Serving.Requests;

/// <summary>The body of <c>POST /predict/batch</c>: <c>{ "rows": [ { "text", "audio", "image" }, ... ] }</c>.</summary>
public sealed class JsonBatch
{
    /// <summary>The rows, scored in order.</summary>
    [JsonPropertyName("rows")]
    public List<JsonRow>? Rows { get; set; }
}
