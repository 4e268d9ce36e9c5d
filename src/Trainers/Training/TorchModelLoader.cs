using System.Text.Json;
using System.Text.Json.Nodes;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Composition;
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
/// Format 2 saves composed networks (encoders -> fusion -> head); format 1 bundles hold the
/// hand-written networks of before, whose weights are mapped onto the composition by position
/// (<see cref="TorchModelLayout"/>).
/// </summary>
internal abstract class TorchModelLoader<TOptions> : ISavedStageLoader
    where TOptions : TorchTrainerOptions
{
    public abstract string Kind { get; }
    public int FormatVersion => 2;

    protected abstract ModelComposition Compose(TOptions options);

    public Microsoft.ML.ITransformer Load(JsonNode node, IReadOnlyDictionary<string, byte[]> artifacts)
    {
        var options = node["trainerOptions"]!.Deserialize<TOptions>(TransformFactory.Json)!;
        var spec = node["spec"]!.Deserialize<TorchModelSpec>()!;
        if (!artifacts.TryGetValue("weights.bin", out var weights))
            throw new InvalidDataException($"Model '{Kind}' has no weights.bin artifact.");
        var network = Compose(options).Build(spec.RowShapes, spec.Outputs);
        int layout = node["networkLayout"]?.GetValue<int>() ?? TorchModelLayout.HandWritten;
        using (var reader = new BinaryReader(new MemoryStream(weights)))
            TorchModelLayout.LoadWeights(network, reader, layout, Kind);
        var device = TorchDevices.Default();
        network.to(device);
        return new TorchScoringTransformer(Kind, node["trainerOptions"]!.DeepClone(), spec, network, device);
    }
}

internal sealed class AatModelLoader : TorchModelLoader<AatOptions>
{
    public override string Kind => AatTrainer.KindName;
    protected override ModelComposition Compose(AatOptions options) => AatComposition.Of(options);
}

internal sealed class OteModelLoader : TorchModelLoader<OteOptions>
{
    public override string Kind => OteTrainer.KindName;
    protected override ModelComposition Compose(OteOptions options) => OteComposition.Of(options);
}

internal sealed class FusionHeadModelLoader : TorchModelLoader<FusionHeadOptions>
{
    public override string Kind => FusionHeadTrainer.KindName;
    protected override ModelComposition Compose(FusionHeadOptions options) => FusionHeadComposition.Of(options);
}

internal sealed class ComposedModelLoader : TorchModelLoader<ComposedOptions>
{
    public override string Kind => ComposedTrainer.KindName;
    protected override ModelComposition Compose(ComposedOptions options) => options.ToComposition();
}
