using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Fusions;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Pretrained;
using MsaMl.Trainers.Tests.Pretrained;
using MsaMl.Trainers.Training;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

/// <summary>The frozen or fine-tuned BERT text encoder of compositions, on the tiny BERT of <see cref="TinyBertGraph"/> (2 layers).</summary>
public sealed class PretrainedTextEncoderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-pretrained-text-").FullName;
    private readonly string _model;

    public PretrainedTextEncoderTests()
    {
        _model = Path.Combine(_folder, "tiny-bert.onnx");
        File.WriteAllBytes(_model, TinyBertGraph.Build(seed: 7));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public sealed class Row
    {
        [VectorType(TinyBertGraph.Length)]
        public float[] TextTokenIds { get; set; } = Array.Empty<float>();

        public float Valence { get; set; }
    }

    // [CLS] = 1, [SEP] = 2, padding 0; the valence is set by whether token 5 is in the sentence.
    private static Row[] Rows() => Enumerable.Range(0, 12).Select(i =>
    {
        var ids = new float[TinyBertGraph.Length];
        int words = 1 + i % 3;
        ids[0] = 1;
        for (int t = 1; t <= words; t++) ids[t] = t == 1 && i % 2 == 0 ? 5 : 6 + (i + t) % 13;
        ids[words + 1] = 2;
        return new Row { TextTokenIds = ids, Valence = i % 2 == 0 ? 1 : -1 };
    }).ToArray();

    private static (Dictionary<string, float[]> Before, Dictionary<string, float[]> After) Train(PretrainedTextEncoderOptions encoder) =>
        EncoderTraining.Train(encoder, Rows(), "TextTokenIds", new[] { TinyBertGraph.Length });

    private static bool Changed(float[] before, float[] after) => EncoderTraining.Changed(before, after);

    [Fact]
    public void AFrozenEncoderGivesThePretrainedSentenceVectorsAndNoWeightOfItChanges()
    {
        var options = PretrainedTextEncoderOptions.FromOnnx(_model);
        Assert.Equal(TinyBertGraph.Layers, options.Architecture.Layers);
        Assert.Equal(0, options.TrainableLayers);

        using var scope = NewDisposeScope();
        var module = options.Create(new[] { TinyBertGraph.Length }).Module;
        options.InitializeForTraining(module);
        var ids = tensor(Rows().SelectMany(r => r.TextTokenIds).ToArray(), 12, TinyBertGraph.Length);
        using var reference = PretrainedBertEncoder.FromOnnx(_model);
        using (no_grad())
        {
            var longIds = ids.to_type(ScalarType.Int64);
            var mask = longIds.ne(TorchScalars.Of(0)).to_type(ScalarType.Int64);
            var expected = PretrainedBertEncoder.MeanPool(reference.forward(longIds, mask), mask);
            float difference = module.forward(ids).sub(expected).abs().max().item<float>();
            Assert.True(difference < 1e-5, $"the encoder's sentence vectors differ from PretrainedBertEncoder's by {difference}");
        }
        Assert.All(module.parameters(), p => Assert.False(p.requires_grad));

        var (before, after) = Train(options);
        var encoderWeights = before.Keys.Where(n => n.Contains(".bert.")).ToList();
        Assert.Equal(4 + TinyBertGraph.Layers * 16, encoderWeights.Count);   // word and position tables, their LayerNorm, 16 per layer
        Assert.All(encoderWeights, n => Assert.False(Changed(before[n], after[n]), $"{n} changed"));
        Assert.Contains(before.Keys.Except(encoderWeights), n => Changed(before[n], after[n]));
    }

    [Fact]
    public void WithTheTopLayerTrainableOnlyItsWeightsChange()
    {
        var options = PretrainedTextEncoderOptions.FromOnnx(_model);
        options.TrainableLayers = 1;
        options.LearningRateMultiplier = 0.5;
        var (before, after) = Train(options);
        foreach (string name in before.Keys.Where(n => n.Contains(".bert.")))
        {
            bool top = name.Contains(".layers.1.");
            Assert.True(top == Changed(before[name], after[name]), $"{name}: {(top ? "a top-layer weight did not change" : "a frozen weight changed")}");
        }
    }

    [Fact]
    public void LearningRatesFollowTheMultiplierAndTheLayerDecay()
    {
        var options = PretrainedTextEncoderOptions.FromOnnx(_model);
        options.TrainableLayers = -1;
        options.LearningRateMultiplier = 0.1;
        options.LayerDecay = 0.5;
        using var network = EncoderTraining.Options(options).ToComposition().Build(new[] { new[] { TinyBertGraph.Length } }, 1);
        var rateOf = LearningRates.MultipliersOf(network);
        foreach (var (name, parameter) in network.named_parameters())
        {
            double expected = name.Contains(".layers.1.") ? 0.1 : name.Contains(".layers.0.") ? 0.05 : name.Contains(".bert.") ? 0.025 : 1;
            Assert.True(Math.Abs(rateOf(parameter) - expected) < 1e-12, $"{name}: multiplier {rateOf(parameter)}, expected {expected}");
            Assert.True(parameter.requires_grad, $"{name} is frozen");
        }
        using var updater = new ParameterUpdater(network.parameters(), OptimizerKind.Adam, 0.01, 0, 0, rateOf);
        Assert.Contains(0.01 * 0.025, updater.Rates.Select(r => Math.Round(r, 12)));
    }

    [Fact]
    public void SizesThatDoNotFitTheModelOrBadOptionsAreRefusedInOneLine()
    {
        var wrong = new PretrainedTextEncoderOptions { ModelPath = _model, Architecture = PretrainedTextEncoderOptions.FromOnnx(_model).Architecture with { IntermediateSize = 32 } };
        using var module = wrong.Create(new[] { TinyBertGraph.Length }).Module;
        var error = Assert.Throws<InvalidDataException>(() => wrong.InitializeForTraining(module));
        Assert.Contains("IntermediateSize 32, 16", error.Message);
        Assert.Contains(_model, error.Message);

        var layers = Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainedTextEncoderOptions { TrainableLayers = 7 }.Validate());
        Assert.Contains("PretrainedTextEncoderOptions.TrainableLayers must be -1", layers.Message);
        var length = Assert.Throws<ArgumentException>(() => new PretrainedTextEncoderOptions().Create(new[] { 600 }));
        Assert.Contains("'TextTokenIds'", length.Message);
        var missing = Assert.Throws<FileNotFoundException>(() => PretrainedTextEncoderOptions.FromOnnx(Path.Combine(_folder, "none.onnx")));
        Assert.Contains("PretrainedTextEncoderOptions.ModelPath", missing.Message);
    }
}
