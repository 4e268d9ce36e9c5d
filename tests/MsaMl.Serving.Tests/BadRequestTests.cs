using System.Net.Http.Headers;
using System.Text;

namespace MsaMl.Serving.Tests;

/// <summary>Every bad request is a 4xx with a JSON body naming the field and what was expected, never a 500 or a stack trace.</summary>
[Collection(ServedCollection.Name)]
public sealed class BadRequestTests(TrainedBundles bundles)
{
    private static string Wav => RepositoryPaths.TwoWavs()[0];
    private static string Jpeg => RepositoryPaths.Fixture("images", "gray.jpg");

    [Fact]
    public async Task RequestsOfTheWrongShapeNameTheirField()
    {
        await using var app = await ServedApp.StartAsync(bundles.Audio);
        await Answers.Refused(await app.Client.PostAsync("predict", null), 415, "Content-Type", "missing; expected multipart/form-data");
        await Answers.Refused(await app.Client.PostAsync("predict", new StringContent("hello")), 415, "Content-Type", "'text/plain; charset=utf-8'");
        await Answers.Refused(await app.PostFormAsync("predict", ("video", null, Wav)), 400, "video", "unknown field; expected text, audio");
        await Answers.Refused(await app.PostFormAsync("predict", ("audio", null, Wav), ("audio", null, Wav)), 400, "audio", "given twice");
        await Answers.Refused(await app.PostFormAsync("predict", ("text", "", null)), 400, "body", "nothing to score; expected at least one of: audio (a WAV file)");
        await Answers.Refused(await app.PostFormAsync("predict", ("image", null, Jpeg)), 400, "image", "the model does not read image; it reads audio");
        var badMultipart = new StringContent("--x\r\nno headers here", Encoding.UTF8);
        badMultipart.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        await Answers.Refused(await app.Client.PostAsync("predict", badMultipart), 400, "body", "multipart");
    }

    [Fact]
    public async Task BadFilesAreRefusedWithTheLibrarysMessages()
    {
        await using var app = await ServedApp.StartAsync(bundles.Audio, new MsaServingOptions { Audio = { MaxDurationSeconds = 0.05 } });
        string empty = Path.Combine(bundles.Folder, "empty.wav");
        File.WriteAllBytes(empty, []);
        await Answers.Refused(await app.PostFormAsync("predict", ("audio", null, empty)), 400, "audio", "empty file (0 bytes); expected a WAV file");
        await Answers.Refused(await app.PostFormAsync("predict", ("audio", null, Jpeg)), 400, "audio", "cannot read WAV: not a WAV file");
        await Answers.Refused(await app.PostFormAsync("predict", ("audio", null, Wav)), 400, "audio", "s (WavLimits.MaxDurationSeconds)");

        await using var images = await ServedApp.StartAsync(bundles.Image, new MsaServingOptions { Image = { MaxPixels = 16 } });
        await Answers.Refused(await images.PostFormAsync("predict", ("image", null, Jpeg)), 400, "image", "expected at most 16 (ImageLimits.MaxPixels)");
        await Answers.Refused(await images.PostFormAsync("predict", ("image", null, RepositoryPaths.Fixture("images", "truncated.jpg"))), 400, "image", "cannot read the image");
    }

    [Fact]
    public async Task BadJsonNamesTheField()
    {
        await using var app = await ServedApp.StartAsync(bundles.Audio, new MsaServingOptions { MaxTextChars = 10, MaxBatchRows = 2 });
        var json = (string body) => new StringContent(body, Encoding.UTF8, "application/json");
        await Answers.Refused(await app.Client.PostAsync("predict", json("{\"audio\": ")), 400, "audio", "malformed JSON");
        await Answers.Refused(await app.Client.PostAsync("predict", json("[1, 2]")), 400, "body", "malformed JSON");
        await Answers.Refused(await app.Client.PostAsync("predict", json("{\"video\": \"AAAA\"}")), 400, "video", "unknown field");
        await Answers.Refused(await app.Client.PostAsync("predict", json("{\"audio\": \"not base64!\"}")), 400, "audio", "base64");
        await Answers.Refused(await app.Client.PostAsync("predict", json("{\"audio\": \"\"}")), 400, "audio", "empty (0 bytes)");
        await Answers.Refused(await app.Client.PostAsync("predict", json("{\"text\": \"more than ten characters\"}")), 400, "text", "longer than 10 characters (MsaServingOptions.MaxTextChars)");
        await Answers.Refused(await app.Client.PostAsync("predict", json("null")), 400, "body", "expected {");

        await Answers.Refused(await app.PostFormAsync("predict/batch", ("audio", null, Wav)), 415, "Content-Type", "expected application/json with { \"rows\"");
        await Answers.Refused(await app.Client.PostAsync("predict/batch", json("{}")), 400, "rows", "missing or empty");
        await Answers.Refused(await app.Client.PostAsync("predict/batch", json("{\"rows\": [{}, {}, {}]}")), 400, "rows", "3 rows; expected at most 2 (MsaServingOptions.MaxBatchRows)");
        string wav = Convert.ToBase64String(File.ReadAllBytes(Wav)), jpeg = Convert.ToBase64String(File.ReadAllBytes(Jpeg));
        await Answers.Refused(await app.Client.PostAsync("predict/batch", json($"{{\"rows\": [{{\"audio\": \"{wav}\"}}, {{\"audio\": \"{jpeg}\"}}]}}")), 400, "rows[1].audio", "cannot read WAV");
        await Answers.Refused(await app.Client.PostAsync("predict/batch", json("{\"rows\": [{\"text\": \"hello\"}]}")), 400, "rows[0]", "nothing to score");
    }

    [Fact]
    public async Task ARequestBeyondTheSizeLimitIs413WithOrWithoutItsLength()
    {
        await using var app = await ServedApp.StartAsync(bundles.Audio, new MsaServingOptions { MaxRequestBytes = 4096 });
        const string says = "\"field\":\"body\",\"error\":\"the request is larger than 4096 bytes (MsaServingOptions.MaxRequestBytes)\"";
        // Announced too large: refused before reading.
        var (status, answer) = await RawRequest.SendAsync(app.BaseAddress, "POST /predict HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 100000", []);
        Assert.StartsWith("HTTP/1.1 413", status);
        Assert.Contains(says, answer);
        // Chunked, of no announced length: refused once the limit is passed while reading.
        byte[] chunk = Encoding.ASCII.GetBytes($"{5000:x}\r\n{new string(' ', 5000)}\r\n");
        (status, answer) = await RawRequest.SendAsync(app.BaseAddress, "POST /predict HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunk);
        Assert.StartsWith("HTTP/1.1 413", status);
        Assert.Contains(says, answer);
    }

    [Fact]
    public async Task UnknownRoutesAndMethodsAnswerJson()
    {
        await using var app = await ServedApp.StartAsync(bundles.Audio);
        await Answers.Refused(await app.Client.GetAsync("nowhere"), 404, null, "no endpoint at /nowhere");
        await Answers.Refused(await app.Client.DeleteAsync("model"), 405, null, "DELETE is not allowed on /model");
        await Answers.Refused(await app.Client.GetAsync("predict"), 405, null, "GET is not allowed on /predict");
    }

    [Fact]
    public async Task AnUploadNotReceivedInTimeIs408()
    {
        await using var app = await ServedApp.StartAsync(bundles.Audio, new MsaServingOptions { RequestTimeout = TimeSpan.FromSeconds(1) });
        var (status, answer) = await RawRequest.SendAsync(app.BaseAddress, "POST /predict HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 100", "{"u8.ToArray());
        Assert.StartsWith("HTTP/1.1 408", status);
        Assert.Contains("\"field\":\"body\",\"error\":\"the request was not received within 1 s (MsaServingOptions.RequestTimeout)\"", answer);
    }
}

