using MsaMl.Trainers.Training;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// The <c>model</c> section: the model name (<see cref="TaskModels.Names"/>) and the options of its
/// trainer, flattened into one JSON object: <c>AatOptions</c> for audio, text, aat and late on
/// speech; <c>OteOptions</c> for image, text, ote and late on images; <c>FusionHeadOptions</c>
/// for tfn and attention. Early fusion, and a single-modality model given a <c>pooled</c> object,
/// train an ML.NET trainer over pooled feature vectors instead (<see cref="PooledModelOptions"/>).
/// </summary>
public sealed class ModelSection
{
    /// <summary>The model name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The TorchSharp trainer's options; null for a pooled model.</summary>
    public TorchTrainerOptions? Options { get; set; }

    /// <summary>The pooled-feature model's options (early fusion, or a single modality's pooled model); null for a TorchSharp model.</summary>
    public PooledModelOptions? Pooled { get; set; }
}
