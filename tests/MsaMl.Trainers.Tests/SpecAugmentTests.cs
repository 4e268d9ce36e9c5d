using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

public sealed class SpecAugmentTests
{
    private static float[] Masked(int seed, bool training)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(seed);
        var augment = new SpecAugment(frequencyMasks: 2, frequencyWidth: 3, timeMasks: 2, timeWidth: 4);
        if (training) augment.train(); else augment.eval();
        return augment.forward(ones(4, 2, 10, 12)).data<float>().ToArray();
    }

    [Fact]
    public void AatsMaskOptionsReachItsNetworkAndTrainWithIt()
    {
        var options = new AatOptions
        {
            Modalities = Modalities.Audio, AudioEncoder = AatAudioEncoder.SmallCnn, AudioChannels = 8,
            FrequencyMasks = 2, FrequencyMaskWidth = 3, TimeMasks = 2, TimeMaskWidth = 4,
        };
        using var network = AatComposition.Of(options).Build(new[] { new[] { 3, 16, 24 } }, 2);
        var augment = Assert.Single(network.modules().OfType<SpecAugment>());
        network.train();
        Assert.True(augment.training);
        using var noMasks = AatComposition.Of(new AatOptions { Modalities = Modalities.Audio, AudioEncoder = AatAudioEncoder.SmallCnn, AudioChannels = 8 })
            .Build(new[] { new[] { 3, 16, 24 } }, 2);
        Assert.Empty(noMasks.modules().OfType<SpecAugment>());
    }

    [Fact]
    public void MasksWholeBandsAndSpansInEveryChannelOnlyWhileTraining()
    {
        Assert.All(Masked(5, training: false), v => Assert.Equal(1f, v));

        var x = Masked(5, training: true);
        Assert.All(x, v => Assert.True(v is 0f or 1f));
        Assert.Contains(0f, x);
        for (int row = 0; row < 4; row++)
            for (int bin = 0; bin < 10; bin++)
                for (int frame = 0; frame < 12; frame++)
                {
                    float first = x[((row * 2) * 10 + bin) * 12 + frame], second = x[((row * 2 + 1) * 10 + bin) * 12 + frame];
                    Assert.Equal(first, second); // the same mask in both channels
                }
        // A zero sits on a masked band (the whole row of frames) or a masked span (the whole column of bins).
        for (int row = 0; row < 4; row++)
            for (int bin = 0; bin < 10; bin++)
                for (int frame = 0; frame < 12; frame++)
                    if (x[(row * 2 * 10 + bin) * 12 + frame] == 0f)
                    {
                        bool band = Enumerable.Range(0, 12).All(t => x[(row * 2 * 10 + bin) * 12 + t] == 0f);
                        bool span = Enumerable.Range(0, 10).All(f => x[(row * 2 * 10 + f) * 12 + frame] == 0f);
                        Assert.True(band || span, $"row {row}, bin {bin}, frame {frame}: masked but neither its band nor its span is");
                    }
    }

    [Fact]
    public void SameSeedSameMasksOtherSeedOtherMasks()
    {
        Assert.Equal(Masked(7, training: true), Masked(7, training: true));
        Assert.NotEqual(Masked(7, training: true), Masked(8, training: true));
    }
}
