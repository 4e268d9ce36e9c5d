using MsaMl.Experiments.Models;
using MsaMl.Trainers.Training;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// The <c>model</c> section: the model name (<see cref="TaskModels"/>), the modalities it reads and
/// the options of its trainer, flattened into one JSON object. By <see cref="ModelShape"/>:
/// <c>AatOptions</c> for aat, and audio (and text on a dataset with audio); <c>OteOptions</c> for ote,
/// and image (and text on a dataset without audio); <c>FusionHeadOptions</c> for tfn and attention;
/// <c>ComposedOptions</c> (its <c>encoders</c>, <c>fusion</c> and <c>head</c>, each with a
/// <c>$type</c>) for composed. Early fusion, and a single-modality model given a <c>pooled</c>
/// object, train an ML.NET trainer over pooled feature vectors (<see cref="PooledModelOptions"/>);
/// late fusion averages its <c>members</c>, each a single-modality model section of its own.
/// </summary>
public sealed class ModelSection
{
    /// <summary>The model name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The modalities the model reads; null: the model's own (a fusion: every modality of the dataset).</summary>
    public Modalities? Modalities { get; set; }

    /// <summary>The TorchSharp trainer's options; null for a pooled model and for late fusion.</summary>
    public TorchTrainerOptions? Options { get; set; }

    /// <summary>The pooled-feature model's options (early fusion, or a single modality's pooled model); null for a TorchSharp model.</summary>
    public PooledModelOptions? Pooled { get; set; }

    /// <summary>Late fusion's members, one single-modality model per modality read; null for other models.</summary>
    public List<ModelSection>? Members { get; set; }

    /// <summary>
    /// Speed factors (0.5 to 2, not 1) at which every training recording also joins the training rows
    /// as a resampled copy (<c>SpeechAugmentation</c>: tempo and pitch together), for a model that reads
    /// audio; validation and test rows are never copied. Empty: none. On the speaker folds of EmoDB and
    /// URDU, copies at 0.9 and 1.1 gained on both (benchmarks/README.md, "Speech recipes on speaker-independent folds").
    /// </summary>
    public List<double> SpeedCopies { get; set; } = new();
}
