using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MsaMl.Serving.Requests;

/// <summary>
/// A <c>multipart/form-data</c> row: the fields <c>text</c>, <c>audio</c> (a WAV file) and <c>image</c>, each at most
/// once; files are streamed into the request's folder, never held in memory.
/// </summary>
internal static class MultipartRows
{
    public static async Task<RequestRow> ReadAsync(HttpRequest request, string folder, MsaServingOptions options, CancellationToken cancel)
    {
        var type = MediaTypeHeaderValue.Parse(request.ContentType);
        string boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? "";
        if (boundary.Length == 0 || boundary.Length > 200)
            throw new RequestError(400, "body", "multipart/form-data without a valid boundary; expected the form's boundary parameter");
        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        string text = "", audio = "", image = "";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await reader.ReadNextSectionAsync(cancel) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    throw new RequestError(400, "body", "a part without 'Content-Disposition: form-data; name=...'; expected the fields text, audio and image");
                string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!seen.Add(name)) throw new RequestError(400, name, "given twice; expected each field at most once");
                switch (name)
                {
                    case "text":
                        text = await ReadTextAsync(section.Body, options.MaxTextChars, cancel);
                        break;
                    case "audio":
                        audio = await SaveAsync(section.Body, Path.Combine(folder, "audio.wav"), name, cancel);
                        break;
                    case "image":
                        image = await SaveAsync(section.Body, Path.Combine(folder, "image.bin"), name, cancel);
                        break;
                    default:
                        throw new RequestError(400, name, "unknown field; expected text, audio (a WAV file) or image (an image file)");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            // MultipartReader's own errors: a malformed body, too many or too long part headers.
            throw new RequestError(400, "body", $"malformed multipart/form-data: {ex.Message}");
        }
        return new RequestRow("", text, audio, image);
    }

    private static async Task<string> ReadTextAsync(Stream body, int maxChars, CancellationToken cancel)
    {
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var buffer = new char[Math.Min(maxChars + 1, 8192)];
        var text = new StringBuilder();
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), cancel)) > 0)
            {
                text.Append(buffer, 0, read);
                if (text.Length > maxChars) throw new RequestError(400, "text", $"longer than {maxChars} characters (MsaServingOptions.MaxTextChars)");
            }
        }
        catch (DecoderFallbackException)
        {
            throw new RequestError(400, "text", "not valid UTF-8; expected UTF-8 text");
        }
        return text.ToString();
    }

    private static async Task<string> SaveAsync(Stream body, string path, string field, CancellationToken cancel)
    {
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await body.CopyToAsync(file, cancel);
        if (new FileInfo(path).Length == 0) throw new RequestError(400, field, "empty file (0 bytes); expected " + (field == "audio" ? "a WAV file" : "an image file"));
        return path;
    }
}
