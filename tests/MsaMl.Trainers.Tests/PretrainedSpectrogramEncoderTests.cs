using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Scoring;
using MsaMl.Transforms.Core;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

/// <summary>The log spectrogram read as an image by the ImageNet ResNet-18 (the packaged one).</summary>
public sealed class PretrainedSpectrogramEncoderTests(ITestOutputHelper output)
{
    private const int Bins = 32, Frames = 40;

    public sealed class Utterance
    {
        public string Label { get; set; } = "";

        [VectorType(1, Bins, Frames)]
        public float[] Spectrogram { get; set; } = Array.Empty<float>();
    }

    /// <summary>
    /// Log spectrograms of a tone with two harmonics over noise, high ("high": fundamental in bins
    /// 12-17) or low ("low": bins 2-7) in pitch, at random loudness and length (the rest zero padding).
    /// </summary>
    private static Utterance[] Utterances(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            bool high = i % 2 == 0;
            int fundamental = (high ? 12 : 2) + random.Next(6), length = 20 + random.Next(Frames - 20);
            double gain = random.NextDouble() * 4 - 2;
            var values = new float[Bins * Frames];
            for (int t = 0; t < length; t++)
                for (int f = 0; f < Bins; f++)
                {
                    double level = -8 + random.NextDouble();
                    foreach (int harmonic in new[] { 1, 2 })
                        level = Math.Max(level, -Math.Abs(f - harmonic * fundamental) * 3 - harmonic + random.NextDouble() * 0.5);
                    values[f * Frames + t] = (float)(level + gain);
                }
            return new Utterance { Label = high ? "high" : "low", Spectrogram = values };
        }).ToArray();
    }

    private static IDataView Load(MLContext ml, Utterance[] rows) =>
        ml.Transforms.Conversion.MapValueToKey("Label", keyData: ml.Data.LoadFromEnumerable(new[] { new { Label = "high" }, new { Label = "low" } }))
            .Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));

    [Fact]
    public void TheSpectrogramEncoderTellsHighFromLowPitchOnHeldOutRowsAndReloadsWithTheSameScores()
    {
        var ml = new MLContext(seed: 1);
        var train = Load(ml, Utterances(24, seed: 4));
        var heldOut = Load(ml, Utterances(16, seed: 9));
        var trainer = ml.Msa().Trainers.Composed(new ComposedOptions
        {
            Encoders = { new PretrainedSpectrogramEncoderOptions() },
            Head = new MlpHeadOptions { Hidden = 16, Dropout = 0 },
            Epochs = 6,
            LearningRate = 0.01,
            BatchSize = 8,
            Seed = 3,
        });
        var model = trainer.Fit(train);
        var scored = model.Transform(heldOut);
        double accuracy = ml.MulticlassClassification.Evaluate(scored).MicroAccuracy;
        output.WriteLine($"held-out accuracy {accuracy:F3}");
        Assert.True(accuracy >= 0.8, $"held-out accuracy {accuracy}");

        var reloaded = (TorchScoringTransformer)TransformFactory.Create(model.Kind, model.SaveOptions(), model.SaveArtifacts());
        var before = scored.GetColumn<float[]>("Score").ToArray();
        var after = reloaded.Transform(heldOut).GetColumn<float[]>("Score").ToArray();
        for (int r = 0; r < before.Length; r++)
            for (int c = 0; c < before[r].Length; c++) Assert.Equal(before[r][c], after[r][c], 1e-5f);
    }

    [Fact]
    public void EachRowIsStandardizedOverItsAudioFramesWhatEverItsLoudnessAndPaddingStaysZero()
    {
        using var scope = NewDisposeScope();
        var row = Utterances(1, seed: 2)[0].Spectrogram;
        var quiet = tensor(row, new long[] { 1, 1, Bins, Frames });
        var loud = quiet.add(tensor(5f)).mul(quiet.ne(tensor(0f)).to_type(ScalarType.Float32));   // +5 on the log scale, padding kept
        var image = new SpectrogramAsImage(SpectrogramImageChannels.Replicate, scale: 2).forward(cat(new[] { quiet, loud }, 0));
        Assert.Equal(new long[] { 2, 3, Bins, Frames }, image.shape);
        Assert.True(image[0].allclose(image[1], atol: 1e-4), "the standardized image depends on the loudness");
        var audio = quiet.abs().sum(2).gt(tensor(0f)).reshape(-1).data<bool>().ToArray();
        int frames = audio.Count(a => a);
        Assert.InRange(frames, 20, Frames - 1);
        var first = image[0, 0].narrow(1, 0, frames);
        Assert.Equal(0, first.mean().item<float>(), 4);
        Assert.Equal(2, first.square().mean().sqrt().item<float>(), 3);   // unit spread times the scale
        Assert.Equal(0, image[0].narrow(2, frames, Frames - frames).abs().max().item<float>());
    }

    [Fact]
    public void ASpectrogramWithoutThreeChannelsForTheColumnModeIsRefusedNamingTheColumn()
    {
        var error = Assert.Throws<ArgumentException>(() => new PretrainedSpectrogramEncoderOptions { Channels = SpectrogramImageChannels.Column }.Create(new[] { 1, Bins, Frames }));
        Assert.Contains("'Spectrogram'", error.Message);
        Assert.Contains("Channels is Column", error.Message);
        var channels = Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainedSpectrogramEncoderOptions { Channels = (SpectrogramImageChannels)7 }.Validate());
        Assert.Contains("PretrainedSpectrogramEncoderOptions.Channels", channels.Message);
        Assert.Equal(512, new PretrainedSpectrogramEncoderOptions().Create(new[] { 3, Bins, Frames }).Width);
    }
}
