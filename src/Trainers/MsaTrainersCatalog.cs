using Microsoft.ML;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Ote;

namespace MsaMl;

/// <summary>MsaMl's TorchSharp trainers: <c>mlContext.Msa().Trainers</c>.</summary>
public sealed class MsaTrainersCatalog
{
    internal MsaTrainersCatalog(MLContext context) => Context = context;

    public MLContext Context { get; }

    /// <summary>The AAT model (audio + text; paper defaults).</summary>
    public AatTrainer Aat(AatOptions? options = null) => new(Context, options ?? new AatOptions());

    /// <summary>The OTE model (image + text; paper defaults).</summary>
    public OteTrainer Ote(OteOptions? options = null) => new(Context, options ?? new OteOptions());

    /// <summary>A tensor-fusion or cross-modal-attention head over two feature columns.</summary>
    public FusionHeadTrainer FusionHead(FusionHeadOptions? options = null) => new(Context, options ?? new FusionHeadOptions());

    /// <summary>A model composed of encoders (one per modality), a fusion and a head.</summary>
    public ComposedTrainer Composed(ComposedOptions options) => new(Context, options);
}
