using System.Text.Json.Serialization;
using MsaMl.Datasets;
using MsaMl.Datasets.Speech;

namespace MsaMl.Experiments.Configuration;

/// <summary>The <c>dataset</c> section: which dataset, where, and its reader's options.</summary>
public sealed class DatasetSection
{
    /// <summary>The dataset name, as <c>msa train --dataset</c> takes it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The dataset folder (for <c>table</c>, the table file); null for the embedded demo corpus.</summary>
    public string? Root { get; set; }

    /// <summary>
    /// What the models learn: the class labels, or (mosi, mosei, sims) the sentiment intensity with
    /// MMSA's protocol and metrics, the default there; <c>Classification</c> on those is the class view.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TaskType Task { get; set; }

    /// <summary>mosi, mosei, sims: extract the audio of clips that have a video under Raw/ but no wav, with ffmpeg, when the model reads audio.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ExtractAudio { get; set; }

    /// <summary>IEMOCAP's reader options (only with <c>name</c> <c>iemocap</c>; the root comes from <see cref="Root"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IemocapOptions? Iemocap { get; set; }

    /// <summary>
    /// How the validation split is drawn from the training rows when the reader gives none (IEMOCAP
    /// with no <c>validationSession</c>): a seeded, label-stratified part of the training rows that
    /// keeps every speaker on one side. Only its <c>validationFraction</c> and <c>seed</c> are used;
    /// null for no validation split.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ValidationSplitOptions? Validation { get; set; }

    /// <summary>The column map of <c>table</c> (see <see cref="TableColumnMap.Parse"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Map { get; set; }

    /// <summary>The text encoding of <c>table</c>; null: UTF-8 (or UTF-16 with a byte-order mark).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Encoding { get; set; }
}
