using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;

namespace MsaMl.Experiments;

/// <summary>
/// Progress of an experiment (the demo, msa train): a stage message, epoch reports of the model
/// being trained, and optionally the rows of each featurizing pass, the batches of each epoch and
/// the warnings of the run.
/// </summary>
public interface IExperimentProgress
{
    void Stage(string task, string message);
    void Epoch(string task, string model, EpochReport report);

    /// <summary>Where the featurizers' progress over <paramref name="pass"/> (a split, or a fit pass) goes; null for none.</summary>
    IProgress<FeaturizingProgress>? Featurizing(string task, string pass) => null;

    /// <summary>A problem the run worked around (an unreadable image treated as missing), naming the record.</summary>
    void Warning(string task, string message)
    {
    }

    /// <summary>Where the batch reports of <paramref name="model"/> go; null for none.</summary>
    IProgress<BatchReport>? Batches(string task, string model) => null;
}
