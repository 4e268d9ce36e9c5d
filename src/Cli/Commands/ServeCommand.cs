using System.CommandLine;
using Microsoft.Extensions.Hosting;
using MsaMl.Serving;

namespace MsaMl.Cli.Commands;

/// <summary><c>msa serve</c>: a saved bundle as a web service (MsaMl.Serving) until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model bundle (.zip).", Required = true };
        var port = new Option<int>("--port") { Description = "The TCP port (0: a free one).", DefaultValueFactory = _ => 5000 };
        var host = new Option<string>("--host") { Description = "The address to listen on; loopback by default. Put TLS and authentication in front before exposing it.", DefaultValueFactory = _ => "127.0.0.1" };
        var maxMb = new Option<int>("--max-request-mb") { Description = "The largest request, uploads included, in MiB.", DefaultValueFactory = _ => 32 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds a request may take, waiting for a slot included.", DefaultValueFactory = _ => 30 };
        var concurrent = new Option<int>("--max-concurrent") { Description = "Prediction requests scored at once (others wait).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var audioSeconds = new Option<double>("--max-audio-seconds") { Description = "The longest audio upload, in seconds.", DefaultValueFactory = _ => Transforms.Audio.WavLimits.DefaultMaxDurationSeconds };
        var pixels = new Option<long>("--max-image-pixels") { Description = "The most pixels of an image upload.", DefaultValueFactory = _ => Transforms.Image.ImageLimits.DefaultMaxPixels };
        var command = new Command("serve", "Serve a saved model bundle over HTTP: POST /predict, POST /predict/batch, GET /model, GET /health, GET /openapi.json and a page at /.")
        {
            model, port, host, maxMb, timeout, concurrent, audioSeconds, pixels,
        };
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            var options = new MsaServingOptions
            {
                MaxRequestBytes = (long)parse.GetValue(maxMb) << 20,
                RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                MaxConcurrentRequests = parse.GetValue(concurrent),
                Audio = { MaxDurationSeconds = parse.GetValue(audioSeconds) },
                Image = { MaxPixels = parse.GetValue(pixels) },
            };
            options.Validate();
            var served = ServedModel.Load(parse.GetValue(model)!);
            var app = MsaServer.Create(served, parse.GetValue(host)!, parse.GetValue(port), options);
            app.Start();
            Console.Error.WriteLine($"msa serve: {Path.GetFileName(served.Path)} ({served.Reads.Describe()}) on {string.Join(", ", MsaServer.Addresses(app))}; Ctrl+C stops.");
            app.WaitForShutdown();
            return CommandErrors.Success;
        }));
        return command;
    }
}
