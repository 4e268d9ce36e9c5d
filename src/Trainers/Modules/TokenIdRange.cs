using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>Refuses token ids outside a vocabulary, naming the column and the option that sets its size.</summary>
internal static class TokenIdRange
{
    public static void Check(Tensor ids, long vocabulary, string column, string option)
    {
        if (ids.numel() == 0) return;
        long low = ids.min().item<long>(), high = ids.max().item<long>();
        if (low < 0 || high >= vocabulary)
            throw new ArgumentOutOfRangeException(nameof(ids), $"Token-id column '{column}': ids must be 0 to {vocabulary - 1} ({option}), found {(low < 0 ? low : high)}.");
    }
}
