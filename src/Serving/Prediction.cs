using System.Text.Json.Serialization;

namespace MsaMl.Serving;

/// <summary>The answer to one row: a label and class probabilities (classifier), or an intensity (regression), and the modalities the request gave.</summary>
public sealed class Prediction
{
    /// <summary>The predicted class (a classifier bundle); null for a regression bundle.</summary>
    [JsonPropertyName("label"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }

    /// <summary>Each class's probability, in the bundle's class order (a classifier bundle).</summary>
    [JsonPropertyName("scores"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, float>? Scores { get; init; }

    /// <summary>The predicted sentiment intensity (a regression bundle).</summary>
    [JsonPropertyName("intensity"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public float? Intensity { get; init; }

    /// <summary>The modalities the request gave ("audio", "image", "text"), each one the model reads.</summary>
    [JsonPropertyName("modalities")]
    public IReadOnlyList<string> Modalities { get; init; } = Array.Empty<string>();
}
