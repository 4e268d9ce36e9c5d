using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// Feeds a two-input network when only one modality is given: the present input goes to its
/// slot and the absent slot gets an empty placeholder that the network ignores.
/// </summary>
public sealed class ModalitySelector : nn.Module<Tensor[], Tensor>
{
    private readonly nn.Module<Tensor[], Tensor> inner;
    private readonly int _slot;

    public ModalitySelector(nn.Module<Tensor[], Tensor> inner, int slot) : base(nameof(ModalitySelector))
    {
        this.inner = inner;
        _slot = slot;
        RegisterComponents();
    }

    public override Tensor forward(Tensor[] inputs)
    {
        var slots = new Tensor[2];
        slots[_slot] = inputs[0];
        slots[1 - _slot] = inputs[0];
        return inner.forward(slots);
    }
}
