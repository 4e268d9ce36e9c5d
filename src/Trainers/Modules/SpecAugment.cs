using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// SpecAugment-style masking of a [batch, channels, freq, time] spectrogram while training
/// (Park et al., 2019, without time warping): per row, <c>frequencyMasks</c> bands of 0 to
/// <c>frequencyWidth</c> consecutive frequency bins and <c>timeMasks</c> spans of 0 to
/// <c>timeWidth</c> consecutive frames are set to 0 (the mean, after standardization), in every
/// channel. The identity in eval mode. Masks come from a <see cref="Random"/> seeded once from
/// libtorch's generator when the module is built (after the trainer's <c>manual_seed</c>), so the
/// same seed gives the same masks.
/// </summary>
public sealed class SpecAugment : nn.Module<Tensor, Tensor>
{
    private readonly int _frequencyMasks, _frequencyWidth, _timeMasks, _timeWidth;
    private readonly Random _random;

    public SpecAugment(int frequencyMasks, int frequencyWidth, int timeMasks, int timeWidth) : base(nameof(SpecAugment))
    {
        if (frequencyMasks < 0 || frequencyWidth < 0 || timeMasks < 0 || timeWidth < 0)
            throw new ArgumentOutOfRangeException(nameof(frequencyMasks), "SpecAugment mask counts and widths must be >= 0.");
        (_frequencyMasks, _frequencyWidth, _timeMasks, _timeWidth) = (frequencyMasks, frequencyWidth, timeMasks, timeWidth);
        using (var draw = randint(int.MaxValue, new long[] { 1 }, dtype: ScalarType.Int64))
            _random = new Random((int)draw.item<long>());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        if (!training) return input;
        int batch = (int)input.shape[0], freq = (int)input.shape[2], time = (int)input.shape[3];
        var keepFrequency = Masks(batch, freq, _frequencyMasks, _frequencyWidth);
        var keepTime = Masks(batch, time, _timeMasks, _timeWidth);
        using var f = tensor(keepFrequency, new long[] { batch, 1, freq, 1 }, device: input.device);
        using var t = tensor(keepTime, new long[] { batch, 1, 1, time }, device: input.device);
        return input.mul(f).mul(t);
    }

    // [batch, length] of 1 (kept) and 0 (masked): per row, `count` spans of a width drawn from 0..maxWidth.
    private float[] Masks(int batch, int length, int count, int maxWidth)
    {
        var keep = new float[batch * length];
        Array.Fill(keep, 1f);
        for (int row = 0; row < batch; row++)
            for (int m = 0; m < count; m++)
            {
                int width = _random.Next(Math.Min(maxWidth, length) + 1);
                int start = _random.Next(length - width + 1);
                Array.Clear(keep, row * length + start, width);
            }
        return keep;
    }
}
