namespace MsaMl.DemoCorpus;

/// <summary>
/// One line of a corpus TSV. <see cref="Cue"/> names the modality that carries the label:
/// "text", "audio" or "image" (the other modality is uninformative), or "both".
/// </summary>
public sealed record CorpusRow(string Id, string Label, string Cue, string Text, string RelativePath)
{
    public string Split { get; set; } = "";
}
