using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// Tensor fusion (Zadeh et al., 2017): each modality is mean-pooled over its steps and embedded,
/// then the outer product of [h_1; 1] and [h_2; 1] keeps unimodal and bimodal terms alike; an MLP
/// maps its flattening to class logits.
/// </summary>
public sealed class TensorFusion : nn.Module<Tensor[], Tensor>
{
    private readonly Linear first;
    private readonly Linear second;
    private readonly Sequential classifier;

    public TensorFusion(long firstWidth, long secondWidth, int embedding, int hidden, double dropout, int classes) : base(nameof(TensorFusion))
    {
        first = nn.Linear(firstWidth, embedding);
        second = nn.Linear(secondWidth, embedding);
        classifier = nn.Sequential(
            ("dropout", nn.Dropout(dropout)),
            ("fc1", nn.Linear((embedding + 1L) * (embedding + 1L), hidden)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(hidden, classes)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor[] inputs)
    {
        var a = WithOne(nn.functional.relu(first.forward(SequenceView.Apply(inputs[0]).mean(new long[] { 1 }))));
        var b = WithOne(nn.functional.relu(second.forward(SequenceView.Apply(inputs[1]).mean(new long[] { 1 }))));
        var outer = a.unsqueeze(2) * b.unsqueeze(1);    // [batch, e+1, e+1]
        return classifier.forward(outer.flatten(1));
    }

    private static Tensor WithOne(Tensor h) => cat(new[] { h, ones(h.shape[0], 1, device: h.device) }, 1);
}
