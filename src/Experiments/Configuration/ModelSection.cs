using MsaMl.Trainers.Training;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// The <c>model</c> section: the model name (<see cref="TaskModels.Names"/>) and the options of its
/// trainer, flattened into one JSON object: <c>AatOptions</c> for audio, text, aat and late on
/// speech; <c>OteOptions</c> for image, text, ote and late on images; <c>FusionHeadOptions</c>
/// for tfn and attention; none for early fusion (L-BFGS over pooled features).
/// </summary>
public sealed class ModelSection
{
    /// <summary>The model name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The trainer's options; null for early fusion.</summary>
    public TorchTrainerOptions? Options { get; set; }
}
