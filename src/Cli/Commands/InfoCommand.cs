using System.CommandLine;
using System.Reflection;
using Microsoft.ML;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary><c>msa info</c>: versions, compute device and the encoders found.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Print versions, the compute device and the pretrained encoders found.");
        command.SetAction(_ => Run());
        return command;
    }

    private static int Run()
    {
        var table = new Table().AddColumn("component").AddColumn("status");
        table.AddRow("MsaMl", Version(typeof(MsaCatalog)));
        table.AddRow("ML.NET", Version(typeof(MLContext)));
        int failures = 0;
        try
        {
            var torch = TorchDevices.Probe();
            table.AddRow("TorchSharp", $"{torch.TorchSharpVersion} (libtorch {torch.LibTorchVersion})");
            table.AddRow("device", torch.CudaAvailable ? $"cuda ({torch.CudaDeviceCount} device(s))" : "cpu (no CUDA device)");
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            failures++;
            table.AddRow("TorchSharp", $"[red]failed to load:[/] {Markup.Escape(ex.GetBaseException().Message)}");
        }
        failures += Try(table, "text encoder", () =>
        {
            var encoder = BertEncoder.For(new BertEmbeddingOptions());
            return $"MiniLM (embedded), hidden {encoder.HiddenSize}";
        });
        failures += Try(table, "image encoder", () =>
        {
            var encoder = ImageEncoder.For(new PretrainedImageFeaturesOptions());
            return $"ResNet-18 (packaged), {encoder.FeatureSize} features";
        });
        AnsiConsole.Write(table);
        return failures == 0 ? 0 : 1;
    }

    private static int Try(Table table, string name, Func<string> probe)
    {
        try
        {
            table.AddRow(name, Markup.Escape(probe()));
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            table.AddRow(name, $"[red]not available:[/] {Markup.Escape(ex.Message)}");
            return 1;
        }
    }

    private static string Version(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? type.Assembly.GetName().Version?.ToString() ?? "unknown";
}
