using System.Text.Json;
using System.Text.Json.Nodes;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Scoring;
using MsaMl.Transforms.Core;
using TorchSharp;

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

    /// <summary>Rewrites format-1 options whose values changed meaning (none unless a kind says so).</summary>
    protected virtual void UpgradeFormat1(JsonObject options) { }

    public Microsoft.ML.ITransformer Load(JsonNode node, IReadOnlyDictionary<string, byte[]> artifacts)
    {
        int layout = node["networkLayout"]?.GetValue<int>() ?? TorchModelLayout.HandWritten;
        var saved = (node["trainerOptions"] as JsonObject
            ?? throw new InvalidDataException($"Model '{Kind}' has no 'trainerOptions' object.")).DeepClone().AsObject();
        if (layout == TorchModelLayout.HandWritten) UpgradeFormat1(saved);
        var options = saved.Deserialize<TOptions>(TransformFactory.Json)
            ?? throw new InvalidDataException($"Model '{Kind}' has empty 'trainerOptions'.");
        var spec = (node["spec"] as JsonObject ?? throw new InvalidDataException($"Model '{Kind}' has no 'spec' object."))
            .Deserialize<TorchModelSpec>()!;
        TorchModelSpecChecks.Check(spec, Kind);
        if (!artifacts.TryGetValue("weights.bin", out var weights))
            throw new InvalidDataException($"Model '{Kind}' has no weights.bin artifact.");
        var network = Compose(options).Build(spec.RowShapes, spec.Outputs);
        using (var reader = new BinaryReader(new MemoryStream(weights)))
        {
            try
            {
                TorchModelLayout.LoadWeights(network, reader, layout, Kind);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or System.Runtime.InteropServices.ExternalException
                                       || (ex is InvalidDataException && layout == TorchModelLayout.HandWritten))
            {
                string classes = spec.Regression ? "a regression output" : $"{spec.ClassNames.Length} classes";
                throw new InvalidDataException(
                    $"Model '{Kind}': the saved weights do not fit the network its options describe ({classes}, input shapes " +
                    $"{string.Join(", ", spec.RowShapes.Select(r => $"[{string.Join(", ", r)}]"))}): {ex.Message}", ex);
            }
        }
        var device = TorchDevices.Default();
        network.to(device);
        return new TorchScoringTransformer(Kind, saved, spec, network, device);
    }

    /// <summary>Format 1 saved AAT's and OTE's modalities as Both | First | Text; now they are a set of <see cref="Modalities"/>.</summary>
    protected static void UpgradeModalities(JsonObject options, Modalities both)
    {
        if (options["Modalities"]?.GetValue<string>() == "Both")
            options["Modalities"] = JsonSerializer.SerializeToNode(both, TransformFactory.Json);
    }
}
