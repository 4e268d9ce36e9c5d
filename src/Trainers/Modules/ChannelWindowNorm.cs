using MsaMl.Trainers.Training;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// Local response normalization across channels, b_c = a_c / (k + alpha/n * sum of a^2 over the n
/// channels around c)^beta, the same definition as <c>nn.LocalResponseNorm</c>. libtorch sums each
/// window with an average pool over channels, which costs O(C·n) per position: with AlexNet's
/// full-channel windows (n = 96, 256) that dominated the AAT training step. Here the window sums
/// come from a prefix sum over channels, O(C) whatever n is.
/// </summary>
public sealed class ChannelWindowNorm : nn.Module<Tensor, Tensor>
{
    private readonly long _size;
    private readonly double _alpha;
    private readonly double _beta;
    private readonly double _k;

    public ChannelWindowNorm(long size, double alpha = 1e-4, double beta = 0.75, double k = 1.0) : base(nameof(ChannelWindowNorm))
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), $"size must be positive, got {size}.");
        _size = size;
        _alpha = alpha;
        _beta = beta;
        _k = k;
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        long channels = input.shape[1];
        var squares = input.mul(input);
        // Prefix sums with a leading zero over channels padded by n/2 before and (n-1)/2 after.
        var padded = nn.functional.pad(squares, new long[] { 0, 0, 0, 0, _size / 2 + 1, (_size - 1) / 2 });
        var prefix = padded.cumsum(1);
        var windows = prefix.narrow(1, _size, channels) - prefix.narrow(1, 0, channels);
        var divisor = windows.mul(TorchScalars.Of(_alpha / _size)).add_(TorchScalars.Of(_k), TorchScalars.One).pow(TorchScalars.Of(_beta));
        return (input / divisor).MoveToOuterDisposeScope();
    }
}
