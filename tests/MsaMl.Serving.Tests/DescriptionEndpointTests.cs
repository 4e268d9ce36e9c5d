using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using MsaMl.Pipelines.Persistence;

namespace MsaMl.Serving.Tests;

/// <summary><c>GET /model</c>, <c>/health</c>, <c>/openapi.json</c>, the page, and the hosting call on an app's own WebApplication.</summary>
[Collection(ServedCollection.Name)]
public sealed class DescriptionEndpointTests(TrainedBundles bundles)
{
    [Fact]
    public async Task ModelDescribesClassesModalitiesStagesVersionsAndLimits()
    {
        await using var app = await ServedApp.StartAsync(bundles.Audio);
        var model = await Answers.OkJson(await app.Client.GetAsync("model"));
        Assert.Equal("classification", model.GetProperty("task").GetString());
        Assert.Equal(new Microsoft.ML.MLContext().Msa().Model.ClassNames(bundles.Audio), model.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(["audio"], model.GetProperty("modalities").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(model.GetProperty("stages").EnumerateArray(), s => s.GetProperty("kind").GetString() == "MsaMl.LogSpectrogram");
        Assert.DoesNotContain(model.GetProperty("stages").EnumerateArray(), s => LongestArray(s) > 8); // long arrays are summarized
        Assert.Equal(BundleManifest.CurrentFormatVersion.ToString(), model.GetProperty("versions").GetProperty("bundleFormat").GetString());
        Assert.False(string.IsNullOrEmpty(model.GetProperty("versions").GetProperty("savedWithMlNet").GetString()));
        Assert.Equal(32L << 20, model.GetProperty("limits").GetProperty("maxRequestBytes").GetInt64());

        var health = await Answers.OkJson(await app.Client.GetAsync("health"));
        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    private static int LongestArray(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Array => Math.Max(element.GetArrayLength(), element.EnumerateArray().Select(LongestArray).DefaultIfEmpty(0).Max()),
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().Select(p => LongestArray(p.Value)).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    [Fact]
    public async Task OpenApiDescribesEveryEndpointWithTheFieldsTheModelReads()
    {
        await using var app = await ServedApp.StartAsync(bundles.Image);
        var document = await Answers.OkJson(await app.Client.GetAsync("openapi.json"));
        Assert.Equal("3.0.3", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        Assert.Equal(["/predict", "/predict/batch", "/model", "/health"], paths.EnumerateObject().Select(p => p.Name));
        var form = paths.GetProperty("/predict").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        Assert.Equal(["image"], form.EnumerateObject().Select(p => p.Name));
        Assert.Equal("binary", form.GetProperty("image").GetProperty("format").GetString());
    }

    [Fact]
    public async Task ThePageAndItsFilesComeFromTheServiceOnly()
    {
        await using var app = await ServedApp.StartAsync(bundles.Audio);
        var page = await app.Client.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        string html = await page.Content.ReadAsStringAsync();
        foreach (string file in new[] { "app.js", "app.css" })
        {
            Assert.Contains(file, html);
            var response = await app.Client.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("://", await response.Content.ReadAsStringAsync());
        }
        Assert.DoesNotContain("://", html);
        // Every input has a label.
        foreach (string id in new[] { "text", "audio", "image" }) Assert.Contains($"<label for=\"{id}\"", html);
    }

    [Fact]
    public async Task AnAppMapsTheModelOnItsOwnWebApplicationUnderAPrefix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGroup("/sentiment").MapMsaModel(bundles.Image);
        app.MapGet("/", () => "the app's own page");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(MsaServer.Addresses(app).Single()) };

        Assert.Equal("the app's own page", await client.GetStringAsync("/"));
        var page = await client.GetAsync("/sentiment"); // redirected to /sentiment/, where the page's relative URLs resolve
        Assert.Equal("/sentiment/", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<script src=\"app.js\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sentiment/app.js")).StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(RepositoryPaths.Fixture("images", "gray.jpg"))), "image", "gray.jpg" } };
        var answer = await Answers.OkJson(await client.PostAsync("/sentiment/predict", form));
        Assert.Equal(["image"], answer.GetProperty("modalities").EnumerateArray().Select(m => m.GetString()));
        await app.StopAsync();
    }
}
