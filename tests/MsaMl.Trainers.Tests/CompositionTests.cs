using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Fusions;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Scoring;
using MsaMl.Transforms.Core;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

/// <summary>Models composed as encoders -> fusion -> head, over more than two modalities too.</summary>
public sealed class CompositionTests
{
    private static ComposedOptions ThreeModalities(FusionOptions fusion, params EncoderOptions[] encoders) => new()
    {
        Encoders = encoders.ToList(),
        Fusion = fusion,
        Head = new MlpHeadOptions { Hidden = 16, Dropout = 0 },
        Epochs = 40,
        LearningRate = 0.01,
        BatchSize = 8,
        Seed = 3,
    };

    public static TheoryData<string> Fusions => new() { "tensor", "attention", "transformer" };

    private static ComposedOptions Options(string fusion) => fusion switch
    {
        "tensor" => ThreeModalities(new TensorFusionOptions(),
            new MeanPooledOptions { Modality = Modalities.Audio, ColumnName = "Spectrogram", Width = 4 },
            new MeanPooledOptions { Modality = Modalities.Image, ColumnName = "ImageTensor", Width = 4 },
            new MeanPooledOptions { Modality = Modalities.Text, ColumnName = "TextTokens", Width = 4 }),
        "attention" => ThreeModalities(new CrossModalAttentionOptions { Width = 8, Heads = 2, Dropout = 0 },
            new RawFeaturesOptions { Modality = Modalities.Audio, ColumnName = "Spectrogram" },
            new RawFeaturesOptions { Modality = Modalities.Image, ColumnName = "ImageTensor" },
            new RawFeaturesOptions { Modality = Modalities.Text, ColumnName = "TextTokens" }),
        _ => ThreeModalities(new TransformerFusionOptions { CrossModal = true, CrossModalDim = 8, Heads = 2, FeedForwardDim = 16, AttentionDropout = 0 },
            new SpectrogramEncoderOptions { Network = AatAudioEncoder.Linear, Channels = 8 },
            new ImageEncoderOptions { Network = Ote.OteImageEncoder.Features, OutDim = 8 },
            new TokenProjectionOptions { OutDim = 8 }),
    };

    [Theory]
    [MemberData(nameof(Fusions))]
    public void AThreeModalityCompositionLearnsAndReloadsWithTheSameScores(string fusion)
    {
        var ml = new MLContext(seed: 1);
        var data = TinyRow.Load(ml, TinyRow.Make(24, 3, seed: 4));
        var trainer = ml.Msa().Trainers.Composed(Options(fusion));
        Assert.Equal(Modalities.Audio | Modalities.Image | Modalities.Text, trainer.Reads);
        var model = trainer.Fit(data);
        var scored = model.Transform(data);
        Assert.True(ml.MulticlassClassification.Evaluate(scored).MicroAccuracy >= 0.9);

        var reloaded = (TorchScoringTransformer)TransformFactory.Create(model.Kind, model.SaveOptions(), model.SaveArtifacts());
        var before = scored.GetColumn<float[]>("Score").ToArray();
        var after = reloaded.Transform(data).GetColumn<float[]>("Score").ToArray();
        // Same weights, same scores; libtorch may sum attention in another order, so the last bits can differ.
        for (int r = 0; r < before.Length; r++)
            for (int c = 0; c < before[r].Length; c++) Assert.Equal(before[r][c], after[r][c], 1e-5f);
    }

    [Fact]
    public void ComposedOptionsKeepTheirPartsThroughJson()
    {
        var options = Options("transformer");
        string json = JsonSerializer.Serialize(options, TransformFactory.Json);
        Assert.Contains(typeof(TransformerFusionOptions).FullName!, json);
        var copy = TransformFactory.Clone(options);
        var fusion = Assert.IsType<TransformerFusionOptions>(copy.Fusion);
        Assert.Equal(8, fusion.CrossModalDim);
        Assert.IsType<SpectrogramEncoderOptions>(copy.Encoders[0]);
        Assert.Equal(Modalities.Image, Assert.IsType<ImageEncoderOptions>(copy.Encoders[1]).Modality);
        Assert.Equal(16, Assert.IsType<MlpHeadOptions>(copy.Head).Hidden);
    }

    [Fact]
    public void ASavedPartNamingAnotherTypeIsRefused()
    {
        string json = JsonSerializer.Serialize(Options("tensor"), TransformFactory.Json)
            .Replace(typeof(TensorFusionOptions).FullName!, typeof(MLContext).FullName!);
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ComposedOptions>(json, TransformFactory.Json));
        Assert.Contains(typeof(MLContext).FullName!, error.Message);
        Assert.Contains(nameof(FusionOptions), error.Message);
    }

    [Fact]
    public void AFusionOfPairsRefusesASingleEncoderAndEncodersMustReadDistinctModalities()
    {
        var single = Assert.Throws<ArgumentException>(() => new ModelComposition(
            new EncoderOptions[] { new RawFeaturesOptions { Modality = Modalities.Text, ColumnName = "TextTokens" } },
            new CrossModalAttentionOptions(), new MlpHeadOptions()));
        Assert.Contains("at least 2 inputs", single.Message);

        var twice = Assert.Throws<ArgumentException>(() => new ModelComposition(
            new EncoderOptions[] { new TokenProjectionOptions(), new MeanPooledOptions { Modality = Modalities.Text, ColumnName = "TextEmbedding" } },
            new ConcatFusionOptions(), new MlpHeadOptions()));
        Assert.Contains("Two encoders read text", twice.Message);
    }

    [Fact]
    public void CrossModalAttentionOfThreeModalitiesAttendsOverTheOthers()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        var fusion = new CrossModalAttentionOptions { Width = 4, Heads = 2, Dropout = 0 }.Create(new long[] { 3, 5, 2 });
        Assert.Equal(12, fusion.Width);
        fusion.Module.eval();
        var (a, b, c) = (randn(2, 6, 3), randn(2, 4, 5), randn(2, 2));
        var output = fusion.Module.forward(new[] { a, b, c });
        Assert.Equal(new long[] { 2, 12 }, output.shape);
        // Changing the third modality changes what the first attends over.
        var changed = fusion.Module.forward(new[] { a, b, c.mul(MsaMl.Trainers.Training.TorchScalars.Of(3)) });
        Assert.True((output[TensorIndex.Colon, TensorIndex.Slice(0, 4)] - changed[TensorIndex.Colon, TensorIndex.Slice(0, 4)]).abs().max().item<float>() > 1e-4f);
    }
}
