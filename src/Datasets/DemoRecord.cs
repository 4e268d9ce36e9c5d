namespace MsaMl.Datasets;

/// <summary>
/// A row of the embedded demo corpus: the standard columns, which modality carries its label, and a
/// sentiment intensity on MOSI's [-3, 3] scale (<see cref="IntensityRecord.Sentiment"/>, the valence
/// of the row's class: <see cref="DemoCorpusReader.IntensityOf"/>).
/// </summary>
public sealed class DemoRecord : IntensityRecord
{
    /// <summary>"text" (only the words tell the label), "audio" or "image" (only that modality does), or "both".</summary>
    public string Cue { get; set; } = "";
}
