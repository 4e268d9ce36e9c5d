using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Pretrained;
using MsaMl.Trainers.Tests.Pretrained;
using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

/// <summary>The frozen or fine-tuned ImageNet ResNet-18 image encoder of compositions, on the packaged ResNet-18.</summary>
public sealed class PretrainedImageEncoderTests
{
    private const int Side = 32;

    public sealed class Row
    {
        [VectorType(3, Side, Side)]
        public float[] ImageTensor { get; set; } = Array.Empty<float>();

        public float Valence { get; set; }
    }

    /// <summary>Stripes in [0, 1]: horizontal for valence 1, vertical for -1, with noise.</summary>
    private static Row[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            bool positive = i % 2 == 0;
            double period = 3 + random.NextDouble() * 4, phase = random.NextDouble() * 6;
            var pixels = new float[3 * Side * Side];
            for (int c = 0; c < 3; c++)
                for (int y = 0; y < Side; y++)
                    for (int x = 0; x < Side; x++)
                    {
                        double wave = Math.Sin((positive ? y : x) * 2 * Math.PI / period + phase + c);
                        pixels[(c * Side + y) * Side + x] = (float)Math.Clamp(0.5 + 0.35 * wave + (random.NextDouble() - 0.5) * 0.2, 0, 1);
                    }
            return new Row { ImageTensor = pixels, Valence = positive ? 1 : -1 };
        }).ToArray();
    }

    private static (Dictionary<string, float[]> Before, Dictionary<string, float[]> After) Train(PretrainedImageEncoderOptions encoder) =>
        EncoderTraining.Train(encoder, Rows(8, seed: 5), "ImageTensor", new[] { 3, Side, Side }, withBuffers: true);

    private static bool Changed(float[] before, float[] after) => EncoderTraining.Changed(before, after);

    [Fact]
    public void AFrozenEncoderGivesThePackagedResNetFeaturesAndNoWeightOrStatisticOfItChanges()
    {
        var options = new PretrainedImageEncoderOptions { PixelScaling = PixelScaling.Raw };
        Assert.Equal(0, options.TrainableStages);
        using (var scope = NewDisposeScope())
        {
            var module = options.Create(new[] { 3, 224, 224 }).Module;
            options.InitializeForTraining(module);   // refuses a packaged file whose layout is not ResNetArchitecture.PackagedResNet18
            Assert.All(module.parameters(), p => Assert.False(p.requires_grad));
            Assert.Empty(module.modules().OfType<BatchNorm>());
            Assert.Equal(1 + 9 * 2 + 3, module.modules().OfType<BatchNorm2dCounted>().Count());   // the stem, two per block, three shortcuts
            using var reference = PretrainedResNet.PackagedResNet18();
            reference.eval();
            module.train();   // frozen: training mode changes nothing
            var pixels = tensor(PretrainedResNetEquivalenceTests.SyntheticImages(3, seed: 21), new long[] { 3, 3, 224, 224 });
            using var noGrad = no_grad();
            float difference = module.forward(pixels).sub(reference.forward(pixels)).abs().max().item<float>();
            Assert.True(difference < 1e-5, $"the encoder's vectors differ from PretrainedResNet's by {difference}");
        }

        var (before, after) = Train(new PretrainedImageEncoderOptions());
        var encoderState = before.Keys.Where(n => n.Contains(".resnet.")).ToList();
        Assert.Contains(encoderState, n => n.EndsWith("running_mean"));
        Assert.All(encoderState, n => Assert.False(Changed(before[n], after[n]), $"{n} changed"));
        Assert.Contains(before.Keys.Except(encoderState), n => Changed(before[n], after[n]));
    }

    [Fact]
    public void WithTheTopStageTrainableOnlyItsWeightsChangeAtTheirOwnRate()
    {
        var options = new PretrainedImageEncoderOptions { TrainableStages = 1, LearningRateMultiplier = 0.5, ProjectedSize = 6 };
        using (var network = new ComposedOptions { Encoders = { options }, Head = new MlpHeadOptions() }.ToComposition().Build(new[] { new[] { 3, Side, Side } }, 1))
        {
            var rateOf = LearningRates.MultipliersOf(network);
            foreach (var (name, parameter) in network.named_parameters())
            {
                bool top = TopStage(name);
                Assert.True(top == parameter.requires_grad, $"{name}: requires_grad {parameter.requires_grad}");
                if (parameter.requires_grad) Assert.Equal(name.Contains(".resnet.") ? 0.5 : 1, rateOf(parameter));
            }
        }
        var (before, after) = Train(options);
        foreach (string name in before.Keys.Where(n => n.Contains(".resnet.")))
        {
            // Batch norm keeps its pretrained statistics unless TrainBatchNorm: only parameters of the top stage move.
            bool moves = TopStage(name) && !name.Contains("running_");
            Assert.True(moves == Changed(before[name], after[name]), $"{name}: {(moves ? "a top-stage weight did not change" : "a frozen weight or statistic changed")}");
        }
    }

    [Fact]
    public void WithAllStagesTrainableTheStemLearnsToo()
    {
        using var module = new PretrainedImageEncoderOptions { TrainableStages = -1 }.Create(new[] { 3, Side, Side }).Module;
        Assert.All(module.named_parameters(), p => Assert.True(p.parameter.requires_grad, p.name));
        Assert.Equal(module.parameters().Count(), ((IScaledLearningRates)module).LearningRateMultipliers().Count());
    }

    [Fact]
    public void PixelsInAnyOfTheTransformsScalingsBecomeTheSameNetworkInput()
    {
        using var scope = NewDisposeScope();
        var unit = tensor(Rows(2, seed: 8).SelectMany(r => r.ImageTensor).ToArray(), new long[] { 2, 3, Side, Side });
        var mean = tensor(new[] { 0.485f, 0.456f, 0.406f }, new long[] { 1, 3, 1, 1 });
        var std = tensor(new[] { 0.229f, 0.224f, 0.225f }, new long[] { 1, 3, 1, 1 });
        var inputs = new Dictionary<PixelScaling, Tensor>
        {
            [PixelScaling.UnitRange] = unit,
            [PixelScaling.Raw] = unit.mul(tensor(255f)),
            [PixelScaling.ImageNet] = unit.sub(mean).div(std),
        };
        // The packaged network takes BGR 0-255 minus a mean image (zeros here); torchvision's, ImageNet-standardized RGB.
        var torchvisionStyle = ResNetArchitecture.PackagedResNet18 with { MeanImageHeight = 0, MeanImageWidth = 0, ChannelOrder = new[] { 0, 1, 2 } };
        foreach (var (architecture, expected) in new[] { (ResNetArchitecture.PackagedResNet18, unit.mul(tensor(255f)).flip(1)), (torchvisionStyle, inputs[PixelScaling.ImageNet]) })
            foreach (var (scaling, pixels) in inputs)
            {
                var networkInput = new ResNetImageInput(architecture, scaling).forward(pixels);
                Assert.True(networkInput.allclose(expected, rtol: 1e-4, atol: 1e-3), $"{scaling} pixels, mean image {architecture.HasMeanImage}");
            }
    }

    // The packaged ResNet-18's last stage is blocks 6 to 8 (512 channels).
    private static bool TopStage(string name) => !name.Contains(".resnet.") || new[] { ".blocks.6.", ".blocks.7.", ".blocks.8." }.Any(name.Contains);

    [Fact]
    public void TrainingBatchNormUpdatesTheTrainableStagesStatisticsOnly()
    {
        var (before, after) = Train(new PretrainedImageEncoderOptions { TrainableStages = 1, TrainBatchNorm = true });
        var statistics = before.Keys.Where(n => n.Contains(".resnet.") && n.EndsWith("running_mean")).ToList();
        Assert.All(statistics, n => Assert.True(TopStage(n) == Changed(before[n], after[n]), $"{n}"));
    }

    [Fact]
    public void BadOptionsAndLayoutsThatDoNotFitTheModelAreRefusedInOneLine()
    {
        static void OneLine(Exception e, string expected)
        {
            Assert.Contains(expected, e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
        OneLine(Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainedImageEncoderOptions { TrainableStages = 5 }.Validate()), "PretrainedImageEncoderOptions.TrainableStages must be -1");
        OneLine(Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainedImageEncoderOptions { LearningRateMultiplier = 0 }.Validate()), "PretrainedImageEncoderOptions.LearningRateMultiplier");
        OneLine(Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainedImageEncoderOptions { ProjectedSize = -1 }.Validate()), "PretrainedImageEncoderOptions.ProjectedSize");
        OneLine(Assert.Throws<ArgumentException>(() => new PretrainedImageEncoderOptions { ModelPath = " " }.Validate()), "PretrainedImageEncoderOptions.ModelPath");
        OneLine(Assert.Throws<ArgumentException>(() => new PretrainedImageEncoderOptions().Create(new[] { 1, 32, 32 })), "'ImageTensor'");
        OneLine(Assert.Throws<ArgumentException>(() => new PretrainedImageEncoderOptions().Create(new[] { 3, 16, 64 })), "at least 32x32");
        OneLine(Assert.Throws<FileNotFoundException>(() => PretrainedImageEncoderOptions.FromOnnx("/no/such/resnet.onnx")), "PretrainedImageEncoderOptions.ModelPath: no file");
        var blocks = ResNetArchitecture.PackagedResNet18.Blocks;
        var broken = ResNetArchitecture.PackagedResNet18 with { Blocks = blocks.Take(2).Concat(blocks.Skip(3)).ToArray() };
        OneLine(Assert.Throws<ArgumentException>(() => new PretrainedImageEncoderOptions { Architecture = broken }.Validate()), "PretrainedImageEncoderOptions.Architecture.Blocks[2]");

        var other = new PretrainedImageEncoderOptions { Architecture = ResNetArchitecture.PackagedResNet18 with { PoolKernel = 2 } };
        using var module = other.Create(new[] { 3, Side, Side }).Module;
        OneLine(Assert.Throws<InvalidDataException>(() => other.InitializeForTraining(module)), "PretrainedImageEncoderOptions.Architecture does not fit the model");
    }
}
