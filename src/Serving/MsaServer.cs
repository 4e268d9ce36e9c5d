using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsaMl.Serving.Requests;

namespace MsaMl.Serving;

/// <summary>
/// A ready web service for one model bundle (what <c>msa serve</c> runs): Kestrel on <c>host:port</c> (loopback by
/// default; put TLS and authentication in front before exposing it), the model's endpoints, and JSON answers for
/// unknown routes and methods.
/// </summary>
public static class MsaServer
{
    /// <summary>Builds the app; start it with <c>StartAsync</c> or <c>RunAsync</c>.</summary>
    /// <param name="model">The loaded model; disposed when the app stops.</param>
    /// <param name="host">An IP address or "localhost" (default loopback, 127.0.0.1).</param>
    /// <param name="port">The TCP port; 0 picks a free one (read it from <see cref="Addresses"/> after start).</param>
    /// <param name="options">The limits; null for the defaults.</param>
    /// <param name="logging">Whether ASP.NET Core logs to the console (request errors, start-up).</param>
    /// <exception cref="ArgumentException"><paramref name="host"/> is not an IP address or "localhost".</exception>
    public static WebApplication Create(ServedModel model, string host = "127.0.0.1", int port = 5000, MsaServingOptions? options = null, bool logging = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(port), $"--port: {port}; expected 0 to 65535.");
        var address = host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : throw new ArgumentException($"--host: '{host}' is not an IP address; expected one such as 127.0.0.1 (the default, loopback only), ::1 or 0.0.0.0.", nameof(host));
        options ??= new MsaServingOptions();
        options.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        if (!logging) builder.Logging.ClearProviders();
        // Start-up and errors, not a line per request.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, port);
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(model.Dispose);
        app.UseStatusCodePages(context => JsonStatus(context.HttpContext));
        app.MapMsaModel(model, options);
        return app;
    }

    /// <summary>The addresses the started app listens on (e.g. http://127.0.0.1:5000).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>An empty error answer (no route, wrong method) as the same JSON body as the endpoints' own errors.</summary>
    private static Task JsonStatus(HttpContext http)
    {
        int status = http.Response.StatusCode;
        string error = status switch
        {
            404 => $"no endpoint at {http.Request.Path}; expected POST /predict, POST /predict/batch, GET /model, GET /health, GET /openapi.json or GET /",
            405 => $"{http.Request.Method} is not allowed on {http.Request.Path}",
            _ => $"HTTP {status}",
        };
        return ErrorBody.Result(status, null, error).ExecuteAsync(http);
    }
}
