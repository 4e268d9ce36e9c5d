using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MsaMl.Datasets;
using MsaMl.Serving;

namespace MsaMl.Benchmarks;

/// <summary>
/// Bounded load test of <c>msa serve</c> on loopback: for each bundle, C clients x N multipart <c>POST /predict</c>
/// requests (fixed count, then it stops), with throughput, p50/p95/p99 latency, errors and this process's RSS at start
/// (after warm-up), middle and end; compared, in the same run, with the single-row latency of the service's own
/// PredictionEngine (its pool, one thread, no HTTP, after the warm-up) on the same files, with an empty endpoint that
/// reads the same upload and answers <c>{}</c> (the HTTP overhead), and with one client alone.
/// Client and server share the process (RSS covers both). Usage: serve-load --bundle speech.zip --bundle image.zip
/// [--corpus datasets/demo] [--clients 8] [--requests 1000] (per client).
/// </summary>
public static class ServeLoad
{
    public static int Run(string[] args)
    {
        var bundles = args.Select((a, i) => (a, i)).Where(p => p.a == "--bundle" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
        if (bundles.Count == 0) throw new ArgumentException("serve-load needs --bundle <model.zip> (repeatable)");
        string corpus = ScoringSoak.Argument(args, "--corpus") ?? "datasets/demo";
        int clients = int.Parse(ScoringSoak.Argument(args, "--clients") ?? "8", CultureInfo.InvariantCulture);
        int requests = int.Parse(ScoringSoak.Argument(args, "--requests") ?? "1000", CultureInfo.InvariantCulture);
        Console.WriteLine($"serve-load: {clients} clients x {requests:N0} requests per bundle, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine("| bundle | clients x requests | throughput req/s | p50 ms | p95 ms | p99 ms | errors | RSS start / middle / end | end vs middle | engine p50 ms | empty endpoint p50 ms | 1 client p50 ms | p50 target (1.5 x engine + empty) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        int failures = 0;
        foreach (string bundle in bundles) failures += RunBundle(bundle, corpus, clients, requests).GetAwaiter().GetResult();
        Console.WriteLine($"load average at the end {LoadAverage()}");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> RunBundle(string bundle, string corpus, int clients, int requests)
    {
        using var model = ServedModel.Load(bundle);
        bool speech = model.Reads.HasFlag(Modalities.Audio);
        string field = speech ? "audio" : "image";
        var files = Directory.GetFiles(Path.Combine(corpus, speech ? "speech" : "images"), speech ? "*.wav" : "*.png").Order().Take(16).ToArray();
        var uploads = files.Select(File.ReadAllBytes).ToArray();

        var app = MsaServer.Create(model, "127.0.0.1", 0, new MsaServingOptions { MaxConcurrentRequests = clients, RequestTimeout = TimeSpan.FromSeconds(120) }, logging: false);
        // The HTTP overhead: the same upload read to its end, no scoring.
        app.MapPost("/empty", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            return Results.Json(new { });
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(MsaServer.Addresses(app).Single() + "/"), Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            await Load(client, "predict", field, uploads, clients, 20, null); // warm-up: engines, connections, JIT
            double engine = PoolP50(model, files, speech);
            double single = Percentile((await Load(client, "predict", field, uploads, 1, 100, null)).Latencies, 0.5);
            double empty = Percentile((await Load(client, "empty", field, uploads, clients, 200, null)).Latencies, 0.5);
            var rss = new long[3];
            rss[0] = ScoringSoak.ResidentBytes();
            var clock = Stopwatch.StartNew();
            var run = await Load(client, "predict", field, uploads, clients, requests, () => rss[1] = ScoringSoak.ResidentBytes());
            double seconds = clock.Elapsed.TotalSeconds;
            rss[2] = ScoringSoak.ResidentBytes();
            double drift = (rss[2] - rss[1]) / (double)rss[1];
            double p50 = Percentile(run.Latencies, 0.5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Path.GetFileName(bundle)} ({field}) | {clients} x {requests:N0} | {run.Latencies.Count / seconds:F1} | {p50:F1} | {Percentile(run.Latencies, 0.95):F1} | {Percentile(run.Latencies, 0.99):F1} | {run.Errors} | " +
                $"{ScoringSoak.Mb(rss[0])} / {ScoringSoak.Mb(rss[1])} / {ScoringSoak.Mb(rss[2])} | {drift:+0.0%;-0.0%} | {engine:F1} | {empty:F1} | {single:F1} | {1.5 * engine + empty:F1} |"));
            return run.Errors;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private sealed record LoadResult(List<double> Latencies, int Errors);

    /// <summary><paramref name="clients"/> clients, each sending <paramref name="perClient"/> requests one after another; <paramref name="middle"/> runs once, half way.</summary>
    private static async Task<LoadResult> Load(HttpClient client, string path, string field, byte[][] uploads, int clients, int perClient, Action? middle)
    {
        var latencies = new List<double>(clients * perClient);
        int errors = 0, done = 0, half = clients * perClient / 2;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (int i = 0; i < perClient; i++)
            {
                byte[] upload = uploads[(c * 7 + i) % uploads.Length];
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(upload);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, field, field == "audio" ? "a.wav" : "a.png");
                var clock = Stopwatch.StartNew();
                bool ok;
                try
                {
                    using var response = await client.PostAsync(path, form);
                    await response.Content.ReadAsByteArrayAsync();
                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                double ms = clock.Elapsed.TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                    if (!ok) errors++;
                }
                if (Interlocked.Increment(ref done) == half) middle?.Invoke();
            }
        })));
        return new LoadResult(latencies, errors);
    }

    /// <summary>Median latency of the served model's own engine pool, one thread, no HTTP, on the same files.</summary>
    private static double PoolP50(ServedModel model, string[] files, bool speech)
    {
        var rows = files.Select(f => speech ? new MultimodalRecord { AudioPath = Path.GetFullPath(f) } : new MultimodalRecord { ImagePath = Path.GetFullPath(f) }).ToArray();
        var present = speech ? Modalities.Audio : Modalities.Image;
        var times = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            var clock = Stopwatch.StartNew();
            model.Predict(rows[i % rows.Length], present);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Percentile(times, 0.5);
    }

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
