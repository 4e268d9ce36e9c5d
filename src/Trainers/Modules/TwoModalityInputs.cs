using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>Which of a two-input network's modalities (first: audio or image; second: text) a model uses.</summary>
public enum ModalityUse { Both, First, Second }

/// <summary>Feature columns and network wrapping shared by the two-modality trainers (AAT, OTE).</summary>
public static class TwoModalityInputs
{
    /// <summary>The columns the network reads, in input order.</summary>
    public static string[] Columns(ModalityUse use, string firstColumn, string secondColumn) => use switch
    {
        ModalityUse.First => new[] { firstColumn },
        ModalityUse.Second => new[] { secondColumn },
        _ => new[] { firstColumn, secondColumn },
    };

    /// <summary>Size of one row of the text input, or 1 when the text is not used.</summary>
    public static long SecondSize(ModalityUse use, int[][] shapes) =>
        use == ModalityUse.First ? 1 : shapes[^1].Aggregate(1L, (a, b) => a * b);

    /// <summary>The network itself for both modalities; for one, a <see cref="ModalitySelector"/> feeding it.</summary>
    public static nn.Module<Tensor[], Tensor> Wrap(nn.Module<Tensor[], Tensor> network, ModalityUse use) =>
        use == ModalityUse.Both ? network : new ModalitySelector(network, use == ModalityUse.First ? 0 : 1);
}
