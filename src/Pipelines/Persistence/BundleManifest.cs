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

/// <summary>One input column: its name and a type description such as "String", "Vector&lt;Single,3,64,64&gt;", "Key&lt;UInt32,4&gt;".</summary>
public sealed record BundleColumn(string Name, string Type);

/// <summary>
/// One stage of the chain: a run of ML.NET-native transformers saved with mlContext.Model.Save
/// (<see cref="Kind"/> = <see cref="MlNetKind"/>), or an MsaMl transformer with its options and artifacts.
/// </summary>
public sealed class BundleStage
{
    /// <summary>The <see cref="Kind"/> of a run of ML.NET-native transformers.</summary>
    public const string MlNetKind = "ML.NET";

    /// <summary>The format of an ML.NET stage (ML.NET's own zip, versioned by ML.NET).</summary>
    public const int MlNetFormatVersion = 1;

    /// <summary>"ML.NET", or the MsaMl stage kind whose declared loader re-creates it.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The format version of this stage's options and artifacts (1 where a format-1 bundle wrote none).</summary>
    public int FormatVersion { get; set; } = 1;

    public string? Entry { get; set; }
    public System.Text.Json.Nodes.JsonNode? Options { get; set; }
    public Dictionary<string, string> Artifacts { get; set; } = new();

    /// <summary>The user-given files the stage reads, by the options property that names each; that property holds the bare file name.</summary>
    public Dictionary<string, BundleFile> Files { get; set; } = new();
}

/// <summary>
/// A user-given file of a stage: its name, its SHA-256 (hex), and the zip entry that embeds it, or null when the
/// bundle references it (looked up by name at load).
/// </summary>
public sealed record BundleFile(string FileName, string Sha256, string? Entry);
