namespace MsaMl.Experiments;

/// <summary>Training settings shared by the models of a task (from the demo, or from <c>msa train</c> flags).</summary>
public sealed record TrainingSettings
{
    /// <summary>A short run: few epochs, no early stopping.</summary>
    public bool Quick { get; set; }

    public int Seed { get; set; } = 1;

    /// <summary>Overrides the task's default number of epochs.</summary>
    public int? Epochs { get; set; }

    public double? LearningRate { get; set; }
    public int? BatchSize { get; set; }

    /// <summary>The loss of regression models (sentiment intensity): L1 as MMSA trains them, or MSE.</summary>
    public MsaMl.Trainers.Training.RegressionLoss RegressionLoss { get; set; } = MsaMl.Trainers.Training.RegressionLoss.L1;

    /// <summary>
    /// A BERT ONNX model for the text featurizer (BertEmbeddingOptions.ModelPath), with
    /// <see cref="TextVocabPath"/>; null: the embedded English MiniLM. CH-SIMS needs a Chinese one.
    /// </summary>
    public string? TextModelPath { get; set; }

    /// <summary>The vocab.txt of <see cref="TextModelPath"/> (BertEmbeddingOptions.VocabPath).</summary>
    public string? TextVocabPath { get; set; }

    /// <summary>Epochs without a better validation accuracy (regression: MAE) before stopping (0: off).</summary>
    public int EarlyStoppingPatience { get; set; } = 10;
}
