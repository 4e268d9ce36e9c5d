using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MsaMl.Serving.Tests;

/// <summary>
/// Headless Chromium driven over the Chrome DevTools Protocol (a WebSocket, no package): opens a page, waits until
/// the page marks itself done (<c>&lt;body data-state="done"&gt;</c>), then gives its DOM and a screenshot. A throwaway
/// profile each run; the browser is killed on dispose.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _browser;
    private readonly string _profile;
    private readonly ClientWebSocket _page = new();
    private int _id;

    private HeadlessChromium(Process browser, string profile)
    {
        _browser = browser;
        _profile = profile;
    }

    public static async Task<HeadlessChromium> StartAsync()
    {
        string profile = Directory.CreateTempSubdirectory("msaml-chromium-").FullName;
        var start = new ProcessStartInfo(ChromiumFactAttribute.Executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        foreach (string argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                     "--window-size=900,820", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank" })
            start.ArgumentList.Add(argument);
        var browser = Process.Start(start)!;
        browser.ErrorDataReceived += (_, _) => { };
        browser.OutputDataReceived += (_, _) => { };
        browser.BeginErrorReadLine();
        browser.BeginOutputReadLine();
        var chromium = new HeadlessChromium(browser, profile);
        try
        {
            await chromium.ConnectAsync();
            return chromium;
        }
        catch
        {
            await chromium.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectAsync()
    {
        // The browser writes its port into the profile once it listens.
        string portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30) || _browser.HasExited) throw new TimeoutException("chromium did not open its DevTools port within 30 s");
            await Task.Delay(100);
        }
        string port = File.ReadAllLines(portFile)[0];
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        string socket = targets.First(t => (string?)t!["type"] == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
        await _page.ConnectAsync(new Uri(socket), CancellationToken.None);
    }

    /// <summary>Opens <paramref name="page"/> and waits (at most a minute) until it marks itself done; returns its DOM.</summary>
    public async Task<string> OpenAsync(Uri page)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = page.AbsoluteUri });
        var deadline = Stopwatch.StartNew();
        while (!await EvaluateAsync<bool>("document.body?.dataset.state === 'done'"))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"the page did not finish within 60 s: {await EvaluateAsync<string>("document.body?.innerText ?? ''")}");
            await Task.Delay(200);
        }
        return await EvaluateAsync<string>("document.documentElement.outerHTML");
    }

    /// <summary>A PNG of the page as it is now.</summary>
    public async Task ScreenshotAsync(string png)
    {
        var answer = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        await File.WriteAllBytesAsync(png, Convert.FromBase64String(answer["data"]!.GetValue<string>()));
    }

    private async Task<T> EvaluateAsync<T>(string expression)
    {
        var answer = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        return answer["result"]!["value"]!.GetValue<T>();
    }

    /// <summary>One command and its answer (no domain is enabled, so nothing else arrives).</summary>
    private async Task<JsonNode> SendAsync(string method, JsonObject parameters)
    {
        int id = ++_id;
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _page.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var message = JsonNode.Parse(await ReceiveAsync(timeout.Token))!;
            if ((int?)message["id"] != id) continue;
            if (message["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            return message["result"]!;
        }
    }

    private async Task<string> ReceiveAsync(CancellationToken cancel)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _page.ReceiveAsync(buffer, cancel);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        _page.Dispose();
        if (!_browser.HasExited) _browser.Kill(entireProcessTree: true);
        await _browser.WaitForExitAsync();
        _browser.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
