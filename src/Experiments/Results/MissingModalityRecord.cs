namespace MsaMl.Experiments;

/// <summary>One row of a result file's missing-modality table.</summary>
public sealed class MissingModalityRecord
{
    /// <summary>The modalities the model received, in words ("audio + visual").</summary>
    public string Given { get; set; } = "";

    /// <summary>The modalities emptied in every test row, in words ("text").</summary>
    public string Missing { get; set; } = "";

    /// <summary>Each metric over the runs (mean, sample std, values).</summary>
    public Dictionary<string, MetricSummary> Summary { get; set; } = new();
}
