using System.Text.Json.Nodes;

namespace MsaMl.Serving;

/// <summary>
/// The OpenAPI 3.0 description served at <c>GET /openapi.json</c>, written from the endpoint list and the served model
/// (the request fields are those the model reads). Hand-written: the shared framework has no OpenAPI generator, and
/// handlers that stream multipart uploads have no request type a generator could describe.
/// </summary>
internal static class OpenApiDocument
{
    public static JsonObject Create(ServedModel model, MsaServingOptions options)
    {
        var reads = model.Reads.Members().Select(m => m.ToString().ToLowerInvariant()).ToList();
        var row = RowSchema(reads, base64: true);
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = $"MsaMl model {Path.GetFileName(model.Path)}",
                ["version"] = typeof(OpenApiDocument).Assembly.GetName().Version?.ToString(3) ?? "0",
                ["description"] = $"{(model.IsRegression ? "Sentiment intensity" : "Classes: " + string.Join(", ", model.Classes))}. Reads {model.Reads.Describe()}. "
                                  + $"Requests up to {options.MaxRequestBytes} bytes and {options.MaxBatchRows} rows a batch. Errors: {{ status, field, error }}.",
            },
            ["paths"] = new JsonObject
            {
                ["/predict"] = Operation("post", "Predict one row", new JsonObject
                {
                    ["multipart/form-data"] = new JsonObject { ["schema"] = RowSchema(reads, base64: false) },
                    ["application/json"] = new JsonObject { ["schema"] = row },
                }, Ref("Prediction")),
                ["/predict/batch"] = Operation("post", "Predict many rows", new JsonObject
                {
                    ["application/json"] = new JsonObject
                    {
                        ["schema"] = new JsonObject
                        {
                            ["type"] = "object", ["required"] = new JsonArray("rows"),
                            ["properties"] = new JsonObject { ["rows"] = new JsonObject { ["type"] = "array", ["maxItems"] = options.MaxBatchRows, ["items"] = row.DeepClone() } },
                        },
                    },
                }, new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["predictions"] = new JsonObject { ["type"] = "array", ["items"] = Ref("Prediction") } } }),
                ["/model"] = Operation("get", "The model: task, classes, modalities, stages, versions, limits", null, new JsonObject { ["type"] = "object" }),
                ["/health"] = Operation("get", "Liveness", null, new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["status"] = Text() } }),
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject
                {
                    ["Prediction"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["label"] = Text(),
                            ["scores"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "number" } },
                            ["intensity"] = new JsonObject { ["type"] = "number" },
                            ["modalities"] = new JsonObject { ["type"] = "array", ["items"] = Text() },
                        },
                    },
                    ["Error"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["status"] = new JsonObject { ["type"] = "integer" }, ["field"] = Text(), ["error"] = Text() },
                    },
                },
            },
        };
    }

    private static JsonObject Operation(string method, string summary, JsonObject? content, JsonNode answer)
    {
        var operation = new JsonObject
        {
            ["summary"] = summary,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = answer } } },
                ["4XX"] = new JsonObject { ["description"] = "A bad request, naming the field", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref("Error") } } },
            },
        };
        if (content != null) operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = content };
        return new JsonObject { [method] = operation };
    }

    private static JsonObject RowSchema(IReadOnlyList<string> reads, bool base64)
    {
        var properties = new JsonObject();
        if (reads.Contains("text")) properties["text"] = Text();
        foreach (string media in reads.Where(m => m != "text"))
            properties[media] = new JsonObject { ["type"] = "string", ["format"] = base64 ? "byte" : "binary", ["description"] = media == "audio" ? "A WAV file" : "An image file" };
        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    private static JsonObject Text() => new() { ["type"] = "string" };

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };
}
