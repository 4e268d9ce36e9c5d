using System.Text.Json.Serialization;

namespace MsaMl.Experiments.Configuration;

/// <summary>How a model is evaluated.</summary>
public enum EvaluationProtocol
{
    /// <summary>The dataset's test split (IEMOCAP: Session 5).</summary>
    Split,
    /// <summary>IEMOCAP: each session in turn is the test set (needs <c>dataset.iemocap.splitProtocol</c> <c>SessionName</c>).</summary>
    LeaveOneSessionOut,
    /// <summary>Acted speech corpora (emodb, ravdess, crema-d, tess): each speaker in turn is the test set, the next one validates.</summary>
    LeaveOneSpeakerOut,
}

/// <summary>The <c>evaluation</c> section: the protocol and the seeds.</summary>
public sealed class EvaluationSection
{
    /// <summary>The test split, leave-one-session-out (IEMOCAP) or leave-one-speaker-out (acted corpora).</summary>
    public EvaluationProtocol Protocol { get; set; } = EvaluationProtocol.Split;

    /// <summary>The seeds to train with (metrics are reported as mean ± std over them); leave-one-session-out uses the first.</summary>
    public List<int> Seeds { get; set; } = new() { 1 };

    /// <summary>Cross-corpus: score on this emotion corpus (all its rows, as the test split) on the classes both share, instead of the dataset's test split; null: none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TestDataset { get; set; }

    /// <summary>The folder of <see cref="TestDataset"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TestRoot { get; set; }
}
