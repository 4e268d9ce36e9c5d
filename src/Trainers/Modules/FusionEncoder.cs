using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// OTE's fusion: a TransformerEncoderLayer over modality tokens, then the classifier
/// dropout -> Linear(hidden) -> ReLU -> dropout -> Linear(classes). Paper mode feeds the
/// concatenation as one token; cross-modal mode projects each modality to a common width and
/// feeds them as separate tokens (with learned modality embeddings), mean-pooled afterwards.
/// </summary>
public sealed class FusionEncoder : nn.Module<Tensor[], Tensor>
{
    private readonly ModuleList<Linear>? projections;
    private readonly Parameter? modalityEmbeddings;
    private readonly TransformerEncoderLayer encoder;
    private readonly Sequential classifier;

    public FusionEncoder(int[] dims, bool crossModal, int crossModalDim, int heads, int feedForward, double attentionDropout,
        int hidden, double dropout, int classes) : base(nameof(FusionEncoder))
    {
        int model = crossModal ? crossModalDim : dims.Sum();
        if (model % heads != 0)
            throw new ArgumentException($"The fusion width {model} must be divisible by the number of heads {heads}.");
        if (crossModal)
        {
            projections = new ModuleList<Linear>(dims.Select(d => nn.Linear(d, crossModalDim)).ToArray());
            using (var scope = NewDisposeScope())
                modalityEmbeddings = nn.Parameter(randn(dims.Length, crossModalDim).mul(TorchScalars.Of(0.02)).DetachFromDisposeScope());
        }
        encoder = nn.TransformerEncoderLayer(model, heads, feedForward, attentionDropout);
        classifier = nn.Sequential(
            ("dropout1", nn.Dropout(dropout)),
            ("fc1", nn.Linear(model, hidden)),
            ("relu", nn.ReLU()),
            ("dropout2", nn.Dropout(dropout)),
            ("fc2", nn.Linear(hidden, classes)));
        RegisterComponents();
    }

    /// <summary>Modality vectors [batch, dim_i] -> class logits.</summary>
    public override Tensor forward(Tensor[] modalities)
    {
        Tensor tokens;  // [seq, batch, width]
        if (projections == null)
        {
            tokens = (modalities.Length == 1 ? modalities[0] : cat(modalities, 1)).unsqueeze(0);
        }
        else
        {
            var projected = modalities.Select((m, i) => projections[i].forward(m).add(modalityEmbeddings![i], TorchScalars.One)).ToArray();
            tokens = stack(projected, 0);
        }
        var encoded = encoder.forward(tokens);
        return classifier.forward(encoded.mean(new long[] { 0 }));
    }
}
