using MsaMl.Trainers.Composition.Fusions;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Composition;

/// <summary>
/// Options of a model composed from parts (<see cref="ComposedTrainer"/>): the encoders (one per
/// modality, in input order), the fusion and the head, plus the shared training options.
/// </summary>
public sealed class ComposedOptions : TorchTrainerOptions
{
    /// <summary>The encoders, one per modality input, in input order.</summary>
    public List<EncoderOptions> Encoders { get; set; } = new();

    /// <summary>The fusion of the encoded inputs; concatenation unless set.</summary>
    public FusionOptions Fusion { get; set; } = new ConcatFusionOptions();

    /// <summary>The head over the fused vector; a linear layer after dropout unless set.</summary>
    public HeadOptions Head { get; set; } = new MlpHeadOptions();

    /// <summary>The composition these options describe.</summary>
    public ModelComposition ToComposition() => new(Encoders, Fusion, Head);
}
