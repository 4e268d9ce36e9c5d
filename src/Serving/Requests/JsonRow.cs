using System.Text.Json.Serialization;

namespace MsaMl.Serving.Requests;

/// <summary>One row of a JSON request: <c>{ "text": "...", "audio": "&lt;base64 WAV&gt;", "image": "&lt;base64 image&gt;" }</c>, each optional.</summary>
public sealed class JsonRow
{
    /// <summary>The transcript or caption.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>A WAV file, base64-encoded.</summary>
    [JsonPropertyName("audio")]
    public byte[]? Audio { get; set; }

    /// <summary>An image file (PNG, JPEG...), base64-encoded.</summary>
    [JsonPropertyName("image")]
    public byte[]? Image { get; set; }
}
