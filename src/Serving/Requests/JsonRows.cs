using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MsaMl.Serving.Requests;

/// <summary>
/// JSON rows (<see cref="JsonRow"/>, or <see cref="JsonBatch"/> for a batch): base64 media are written into the
/// request's folder. The body is bounded by <see cref="MsaServingOptions.MaxRequestBytes"/> before it is parsed.
/// </summary>
internal static class JsonRows
{
    public static async Task<IReadOnlyList<RequestRow>> ReadAsync(HttpRequest request, bool batch, string folder, MsaServingOptions options, CancellationToken cancel)
    {
        List<(string Field, JsonRow Row)> rows;
        try
        {
            if (batch)
            {
                var body = await JsonSerializer.DeserializeAsync<JsonBatch>(request.Body, ServingJson.Options, cancel);
                if (body?.Rows is not { Count: > 0 } list) throw new RequestError(400, "rows", "missing or empty; expected { \"rows\": [ { \"text\", \"audio\", \"image\" }, ... ] }");
                if (list.Count > options.MaxBatchRows) throw new RequestError(400, "rows", $"{list.Count} rows; expected at most {options.MaxBatchRows} (MsaServingOptions.MaxBatchRows)");
                rows = list.Select((row, i) => ($"rows[{i}].", row ?? throw new RequestError(400, $"rows[{i}]", "null; expected an object"))).ToList();
            }
            else
            {
                var row = await JsonSerializer.DeserializeAsync<JsonRow>(request.Body, ServingJson.Options, cancel)
                    ?? throw new RequestError(400, "body", "null; expected { \"text\", \"audio\", \"image\" }");
                rows = [("", row)];
            }
        }
        catch (JsonException ex)
        {
            throw new RequestError(400, FieldOf(ex.Path), "malformed JSON or an unknown field; expected text (a string), audio and image (base64 strings)" + (batch ? " in { \"rows\": [...] }" : ""));
        }

        var result = new List<RequestRow>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var (field, row) = rows[i];
            string text = row.Text ?? "";
            if (text.Length > options.MaxTextChars) throw new RequestError(400, field + "text", $"longer than {options.MaxTextChars} characters (MsaServingOptions.MaxTextChars)");
            result.Add(new RequestRow(field, text,
                await SaveAsync(row.Audio, Path.Combine(folder, $"{i}-audio.wav"), field + "audio", "a WAV file", cancel),
                await SaveAsync(row.Image, Path.Combine(folder, $"{i}-image.bin"), field + "image", "an image file", cancel)));
        }
        return result;
    }

    /// <summary>"$.rows[2].audio" -> "rows[2].audio"; the whole body when the path is unknown.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static async Task<string> SaveAsync(byte[]? bytes, string path, string field, string expected, CancellationToken cancel)
    {
        if (bytes == null) return "";
        if (bytes.Length == 0) throw new RequestError(400, field, $"empty (0 bytes); expected {expected}, base64-encoded");
        await File.WriteAllBytesAsync(path, bytes, cancel);
        return path;
    }
}
