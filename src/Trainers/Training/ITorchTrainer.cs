using Microsoft.ML;
using MsaMl.Trainers.Scoring;

namespace MsaMl.Trainers.Training;

/// <summary>The non-generic face of MsaMl's TorchSharp trainers, for code that trains several kinds alike.</summary>
public interface ITorchTrainer : IEstimator<TorchScoringTransformer>
{
    /// <summary>Receives a report after every epoch.</summary>
    IProgress<EpochReport>? Progress { get; set; }

    /// <summary>Receives a report after every training batch (epoch, batch, running loss, time left).</summary>
    IProgress<BatchReport>? BatchProgress { get; set; }

    /// <summary>Receives a line when a phase without batches of its own starts (reading the features, batch-norm recalibration).</summary>
    IProgress<string>? StageProgress { get; set; }

    /// <summary>The modalities the model reads (one encoder each).</summary>
    Modalities Reads { get; }

    /// <summary>The learning curve of the last fit.</summary>
    TrainingReport? LastReport { get; }

    /// <summary>Trains with validation accuracy reporting and early stopping.</summary>
    TorchScoringTransformer Fit(IDataView train, IDataView? validation);
}
