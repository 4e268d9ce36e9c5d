namespace MsaMl.Experiments;

/// <summary>
/// How one model's accuracy holds up when a modality is blanked at test time. The caller scores the
/// model three times on the same test rows: as they are, with the non-text modality blanked (empty
/// audio or image path), and with the text blanked.
/// </summary>
/// <param name="Model">The model's name.</param>
/// <param name="BothModalities">Accuracy with all inputs present.</param>
/// <param name="OtherModalityBlanked">Accuracy with the audio or image blanked; null if not measured (e.g. a text-only model).</param>
/// <param name="TextBlanked">Accuracy with the text blanked; null if not measured.</param>
public sealed record MissingModalityRow(string Model, double BothModalities, double? OtherModalityBlanked, double? TextBlanked);
