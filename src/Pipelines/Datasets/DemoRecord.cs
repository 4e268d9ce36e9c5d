namespace MsaMl.Pipelines.Datasets;

/// <summary>A row of the embedded demo corpus: the standard columns plus which modality carries its label.</summary>
public sealed class DemoRecord : MultimodalRecord
{
    /// <summary>"text" (only the words tell the label), "audio" or "image" (only that modality does), or "both".</summary>
    public string Cue { get; set; } = "";
}
