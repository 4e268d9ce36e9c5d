using System.Text.Json.Serialization;

namespace MsaMl.Experiments.Configuration;

/// <summary>The <c>evaluation</c> section: the protocol and the seeds.</summary>
public sealed class EvaluationSection
{
    /// <summary>The test split, leave-one-session-out (IEMOCAP) or leave-one-speaker-out (acted corpora).</summary>
    public EvaluationProtocol Protocol { get; set; } = EvaluationProtocol.Split;

    /// <summary>The seeds to train with (metrics are reported as mean ± std over them); leave-one-session-out uses the first.</summary>
    public List<int> Seeds { get; set; } = new() { 1 };

    /// <summary>
    /// For a model that reads two or more modalities: also score the test split with each non-empty
    /// proper subset of them missing (the inputs emptied, as a scoring app without them gives them),
    /// and report the task's metrics for each (the missing-modality table). Costs one more
    /// featurizing pass over the test split per subset.
    /// </summary>
    public bool MissingModalities { get; set; } = true;

    /// <summary>Cross-corpus: score on this emotion corpus (all its rows, as the test split) on the classes both share, instead of the dataset's test split; null: none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TestDataset { get; set; }

    /// <summary>The folder of <see cref="TestDataset"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TestRoot { get; set; }
}
