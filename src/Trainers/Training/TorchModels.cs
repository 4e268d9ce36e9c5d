using System.Text.Json;
using System.Text.Json.Nodes;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Ote;
using MsaMl.Trainers.Scoring;
using MsaMl.Transforms.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>Registers the TorchSharp model kinds with <see cref="TransformFactory"/> so model bundles can re-create them.</summary>
internal static class TorchModels
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Register<AatOptions>(AatTrainer.KindName, (o, shapes, classes) => AatTrainer.BuildNetwork(o, shapes, classes));
        Register<OteOptions>(OteTrainer.KindName, (o, shapes, classes) => OteTrainer.BuildNetwork(o, shapes, classes));
        Register<FusionHeadOptions>(FusionHeadTrainer.KindName, (o, shapes, classes) => FusionHeadTrainer.BuildNetwork(o, shapes, classes));
    }

    private static void Register<TOptions>(string kind, Func<TOptions, int[][], int, nn.Module<Tensor[], Tensor>> build)
        where TOptions : TorchTrainerOptions =>
        TransformFactory.Register(kind, (node, artifacts) =>
        {
            var options = node["trainerOptions"]!.Deserialize<TOptions>(TransformFactory.Json)!;
            var spec = node["spec"]!.Deserialize<TorchModelSpec>()!;
            if (!artifacts.TryGetValue("weights.bin", out var weights))
                throw new InvalidDataException($"Model '{kind}' has no weights.bin artifact.");
            var network = build(options, spec.RowShapes, spec.Outputs);
            using (var reader = new BinaryReader(new MemoryStream(weights)))
                network.load(reader);
            var device = TorchDevices.Default();
            network.to(device);
            return new TorchScoringTransformer(kind, node["trainerOptions"]!.DeepClone(), spec, network, device);
        });
}
