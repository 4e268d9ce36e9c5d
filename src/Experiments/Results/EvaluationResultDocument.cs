using System.Text.Json.Nodes;

namespace MsaMl.Experiments;

/// <summary>
/// The JSON content of a result file: what was run (the full options object and the seeds), with
/// which package versions, each run's metrics and their aggregate.
/// </summary>
public sealed class EvaluationResultDocument
{
    /// <summary>The format version written by this MsaMl.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Format of this document.</summary>
    public int FormatVersion { get; set; } = CurrentFormatVersion;

    /// <summary>"multi-seed" or "leave-one-session-out".</summary>
    public string Kind { get; set; } = "";

    /// <summary>
    /// The evaluation protocol the metrics follow, when one applies (for example MMSA's regression
    /// protocol with its Has0 / Non0 definitions); null otherwise.
    /// </summary>
    public string? Protocol { get; set; }

    /// <summary>
    /// The split the metrics were computed on: <c>test</c> (each fold's held-out session for a
    /// cross-validation), or <c>train</c> when the data has no test rows, so the metrics are
    /// training metrics and overstate accuracy on new data; null when a file does not say.
    /// </summary>
    public string? ScoredSplit { get; set; }

    /// <summary>When the file was written.</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>Package versions of the process that produced the results.</summary>
    public PackageVersions? Versions { get; set; }

    /// <summary>The options object the experiment was run with, serialized in full.</summary>
    public JsonNode? Options { get; set; }

    /// <summary>The complete resolved experiment configuration (<c>msa train --config</c> reruns it from this file); null when the run had none.</summary>
    public JsonNode? Configuration { get; set; }

    /// <summary>The dataset reader's warnings (each with its count), and how the validation split was drawn.</summary>
    public List<string> Warnings { get; set; } = new();

    /// <summary>The seeds used (for a cross-validation, the seed or seeds each fold was trained with).</summary>
    public List<int> Seeds { get; set; } = new();

    /// <summary>Each run's metrics.</summary>
    public List<EvaluationRunRecord> Runs { get; set; } = new();

    /// <summary>Each metric over the runs (mean, sample std, values).</summary>
    public Dictionary<string, MetricSummary> Summary { get; set; } = new();

    /// <summary>
    /// The missing-modality table of a model that reads two or more modalities: each metric over the
    /// runs with each subset of its modalities missing from the test rows; null when not measured.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public List<MissingModalityRecord>? MissingModality { get; set; }
}
