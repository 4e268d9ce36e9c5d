namespace MsaMl.Pipelines.Experiments;

/// <summary>Training settings shared by the models of a task (from the demo, or from <c>msa train</c> flags).</summary>
public sealed class TrainingSettings
{
    /// <summary>A short run: few epochs, no early stopping.</summary>
    public bool Quick { get; set; }

    public int Seed { get; set; } = 1;

    /// <summary>Overrides the task's default number of epochs.</summary>
    public int? Epochs { get; set; }

    public double? LearningRate { get; set; }
    public int? BatchSize { get; set; }

    /// <summary>Epochs without a better validation accuracy before stopping (0: off).</summary>
    public int EarlyStoppingPatience { get; set; } = 10;
}
