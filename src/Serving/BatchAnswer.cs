using System.Text.Json.Serialization;

namespace MsaMl.Serving;

/// <summary>The answer to <c>POST /predict/batch</c>: one prediction per row, in order.</summary>
public sealed record BatchAnswer([property: JsonPropertyName("predictions")] IReadOnlyList<Prediction> Predictions);
