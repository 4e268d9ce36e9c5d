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

/// <summary>
/// Re-creates a saved TorchSharp model (options, spec and weights.bin) as a
/// <see cref="TorchScoringTransformer"/>; one subclass per model kind, declared in SavedStages.cs.
/// </summary>
internal abstract class TorchModelLoader<TOptions> : ISavedStageLoader
    where TOptions : TorchTrainerOptions
{
    public abstract string Kind { get; }
    public int FormatVersion => 1;

    protected abstract nn.Module<Tensor[], Tensor> Build(TOptions options, int[][] shapes, int outputs);

    public Microsoft.ML.ITransformer Load(JsonNode node, IReadOnlyDictionary<string, byte[]> artifacts)
    {
        var options = node["trainerOptions"]!.Deserialize<TOptions>(TransformFactory.Json)!;
        var spec = node["spec"]!.Deserialize<TorchModelSpec>()!;
        if (!artifacts.TryGetValue("weights.bin", out var weights))
            throw new InvalidDataException($"Model '{Kind}' has no weights.bin artifact.");
        var network = Build(options, spec.RowShapes, spec.Outputs);
        using (var reader = new BinaryReader(new MemoryStream(weights)))
            network.load(reader);
        var device = TorchDevices.Default();
        network.to(device);
        return new TorchScoringTransformer(Kind, node["trainerOptions"]!.DeepClone(), spec, network, device);
    }
}

internal sealed class AatModelLoader : TorchModelLoader<AatOptions>
{
    public override string Kind => AatTrainer.KindName;
    protected override nn.Module<Tensor[], Tensor> Build(AatOptions options, int[][] shapes, int outputs) => AatTrainer.BuildNetwork(options, shapes, outputs);
}

internal sealed class OteModelLoader : TorchModelLoader<OteOptions>
{
    public override string Kind => OteTrainer.KindName;
    protected override nn.Module<Tensor[], Tensor> Build(OteOptions options, int[][] shapes, int outputs) => OteTrainer.BuildNetwork(options, shapes, outputs);
}

internal sealed class FusionHeadModelLoader : TorchModelLoader<FusionHeadOptions>
{
    public override string Kind => FusionHeadTrainer.KindName;
    protected override nn.Module<Tensor[], Tensor> Build(FusionHeadOptions options, int[][] shapes, int outputs) => FusionHeadTrainer.BuildNetwork(options, shapes, outputs);
}
