using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace MsaMl.Serving.Tests;

/// <summary>A real Kestrel serving one bundle on a free loopback port, with a client; stopped on dispose.</summary>
internal sealed class ServedApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServedApp(WebApplication app, ServedModel model)
    {
        _app = app;
        Model = model;
        Client = new HttpClient { BaseAddress = new Uri(MsaServer.Addresses(app).Single() + "/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public ServedModel Model { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    /// <param name="configure">Endpoints the test adds before the app starts.</param>
    public static async Task<ServedApp> StartAsync(string bundle, MsaServingOptions? options = null, Action<WebApplication>? configure = null)
    {
        var model = ServedModel.Load(bundle);
        var app = MsaServer.Create(model, "127.0.0.1", 0, options, logging: false);
        configure?.Invoke(app);
        await app.StartAsync();
        return new ServedApp(app, model);
    }

    /// <summary>POST /predict as multipart/form-data with the given fields (a file field when the value is a path).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string? Text, string? File)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text, file) in fields)
        {
            if (file != null)
            {
                var content = new ByteArrayContent(System.IO.File.ReadAllBytes(file));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(content, name, Path.GetFileName(file));
            }
            else form.Add(new StringContent(text ?? ""), name);
        }
        return Client.PostAsync(path, form);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) =>
        Client.PostAsync(path, new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
