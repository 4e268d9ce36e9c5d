using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MsaMl.Serving.Requests;

namespace MsaMl.Serving;

/// <summary>Maps a model bundle's endpoints onto an app's own <see cref="WebApplication"/> (or a route group of it).</summary>
public static class MsaEndpoints
{
    /// <summary>
    /// Loads the bundle at <paramref name="bundlePath"/> and maps its endpoints (see
    /// <see cref="MapMsaModel(IEndpointRouteBuilder, ServedModel, MsaServingOptions?)"/>); the model is disposed when the app stops.
    /// </summary>
    /// <exception cref="FileNotFoundException">The bundle does not exist.</exception>
    /// <exception cref="InvalidDataException">The bundle is damaged or not a classifier or regression bundle.</exception>
    public static IEndpointRouteBuilder MapMsaModel(this IEndpointRouteBuilder endpoints, string bundlePath, MsaServingOptions? options = null)
    {
        (options ??= new MsaServingOptions()).Validate();
        var model = ServedModel.Load(bundlePath);
        endpoints.ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopped.Register(model.Dispose);
        return endpoints.MapMsaModel(model, options);
    }

    /// <summary>
    /// Maps <c>POST /predict</c> (multipart: text, audio, image; or JSON with base64 media), <c>POST /predict/batch</c>
    /// (JSON rows), <c>GET /model</c>, <c>GET /health</c>, <c>GET /openapi.json</c> and the page at <c>/</c>, under the
    /// route prefix of <paramref name="endpoints"/> (use <c>app.MapGroup("/sentiment")</c> for a prefix). Uploads go to a
    /// private temporary folder, deleted after each request and when the app stops.
    /// </summary>
    /// <param name="endpoints">The app, or a route group of it.</param>
    /// <param name="model">The loaded model; the caller disposes it.</param>
    /// <param name="options">The limits; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IEndpointRouteBuilder MapMsaModel(this IEndpointRouteBuilder endpoints, ServedModel model, MsaServingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(model);
        options ??= new MsaServingOptions();
        options.Validate();
        var uploads = new UploadFolders(options.UploadRoot);
        endpoints.ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopped.Register(uploads.Dispose);
        var handler = new PredictionHandler(model, options, uploads);
        var description = ModelDescription.Of(model, options);
        string openApi = OpenApiDocument.Create(model, options).ToJsonString();

        endpoints.MapPost("/predict", handler.PredictAsync).DisableAntiforgery();
        endpoints.MapPost("/predict/batch", handler.PredictBatchAsync).DisableAntiforgery();
        endpoints.MapGet("/model", () => Results.Json(description, ServingJson.Options));
        endpoints.MapGet("/health", () => Results.Json(new { status = "ok" }, ServingJson.Options));
        endpoints.MapGet("/openapi.json", () => Results.Text(openApi, "application/json"));
        endpoints.MapGet("/", (HttpContext http) => StaticPage.Serve(http, "index.html"));
        foreach (string file in StaticPage.Files.Keys.Where(f => f != "index.html"))
            endpoints.MapGet("/" + file, (HttpContext http) => StaticPage.Serve(http, file));
        return endpoints;
    }
}
