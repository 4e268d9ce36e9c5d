namespace MsaMl.Pipelines.Persistence;

/// <summary>The manifest.json of a model bundle.</summary>
public sealed class BundleManifest
{
    /// <summary>
    /// The format this MsaMl writes. 2: the input schema lists only the scoring columns, label mapping is not saved,
    /// and user-given files are embedded or referenced (<see cref="BundleStage.Files"/>). 1 (still read): the input
    /// schema was the training record's, and file options held paths of the training machine.
    /// </summary>
    public const int CurrentFormatVersion = 2;

    public int FormatVersion { get; set; } = CurrentFormatVersion;
    public string MsaMlVersion { get; set; } = "";
    public string MlNetVersion { get; set; } = "";
    public string TorchSharpVersion { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>The input columns the model expects (name and type).</summary>
    public List<BundleColumn> InputSchema { get; set; } = new();

    /// <summary>Class names the chain predicts, in Score order (PredictedLabel key 1 first); empty for regression, and in a format-1 bundle whose classifier is an ML.NET one (its Score column still names them).</summary>
    public List<string> LabelNames { get; set; } = new();

    public List<BundleStage> Stages { get; set; } = new();

    /// <summary>SHA-256 (hex) of every other entry of the zip.</summary>
    public Dictionary<string, string> Sha256 { get; set; } = new();
}
