using Microsoft.ML;
using MsaMl.Pipelines.Datasets;
using MsaMl.Trainers.Training;

namespace MsaMl.Pipelines.Experiments;

/// <summary>Which inputs a single model of a demo task reads.</summary>
public enum DemoModalities { First, Text, Both }

/// <summary>
/// One task of the demo (speech + text, or image + text): its corpus, featurizer and the model
/// factories; <see cref="DemoExperiment"/> runs every task the same way.
/// </summary>
internal sealed class DemoTask
{
    public required string Name { get; init; }

    /// <summary>The non-text modality ("audio" or "image") and its path column.</summary>
    public required string FirstModality { get; init; }
    public required string FirstPathColumn { get; init; }

    public required string ModelName { get; init; }
    public required DatasetTable<DemoRecord> Table { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Label key mapping and featurizers, fitted on the training split.</summary>
    public required IEstimator<ITransformer> Featurizer { get; init; }

    /// <summary>A TorchSharp model of the task over the chosen modalities, writing the given score columns.</summary>
    public required Func<DemoModalities, string, string, IEstimator<ITransformer>> Model { get; init; }

    /// <summary>Pooled feature columns for early fusion.</summary>
    public required string[] EarlyFusionColumns { get; init; }
}
