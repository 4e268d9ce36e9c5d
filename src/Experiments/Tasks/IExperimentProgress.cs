using MsaMl.Trainers.Training;

namespace MsaMl.Experiments;

/// <summary>Progress of an experiment (the demo, msa train): a stage message, and epoch reports of the model being trained.</summary>
public interface IExperimentProgress
{
    void Stage(string task, string message);
    void Epoch(string task, string model, EpochReport report);
}
