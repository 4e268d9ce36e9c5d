using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Scoring;
using MsaMl.Transforms.Core;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

/// <summary>The Word2Vec-type text encoder: learns a task decided by one word, pools only real tokens, reloads.</summary>
public sealed class WordEmbeddingEncoderTests
{
    internal static ComposedOptions Options(WordPooling pooling) => new()
    {
        Encoders = { new WordEmbeddingOptions { VocabularySize = SyntheticSentence.VocabularySize, EmbeddingDim = 16, Pooling = pooling } },
        Head = new MlpHeadOptions { Hidden = 16, Dropout = 0 },
        Epochs = 10,
        LearningRate = 0.03,
        BatchSize = 16,
        Seed = 7,
    };

    [Theory]
    [InlineData(WordPooling.Mean)]
    [InlineData(WordPooling.Attention)]
    public void LearnsWhichWordDecidesTheClassOnHeldOutSentences(WordPooling pooling)
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticSentence.Load(ml, SyntheticSentence.Make(160, seed: 1));
        var test = SyntheticSentence.Load(ml, SyntheticSentence.Make(100, seed: 2));
        var model = ml.Msa().Trainers.Composed(Options(pooling)).Fit(train);
        double accuracy = ml.MulticlassClassification.Evaluate(model.Transform(test)).MicroAccuracy;
        Assert.True(accuracy >= 0.85, $"held-out accuracy {accuracy:F3} (chance 0.5)");

        var reloaded = (TorchScoringTransformer)TransformFactory.Create(model.Kind, model.SaveOptions(), model.SaveArtifacts());
        var before = model.Transform(test).GetColumn<float[]>("Score").ToArray();
        var after = reloaded.Transform(test).GetColumn<float[]>("Score").ToArray();
        for (int r = 0; r < before.Length; r++)
            for (int c = 0; c < before[r].Length; c++) Assert.Equal(before[r][c], after[r][c], 1e-6f);
    }

    [Theory]
    [InlineData(WordPooling.Mean)]
    [InlineData(WordPooling.Attention)]
    public void PaddingNeverChangesTheVectorAndAllPaddingGivesZeros(WordPooling pooling)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var encoder = new WordEmbeddingEncoder("TextTokenIds", 50, 8, pooling);
        encoder.eval();
        var shortRow = encoder.forward(tensor(new float[] { 1, 30, 31, 2 }, 1, 4));
        var padded = encoder.forward(tensor(new float[] { 1, 30, 31, 2, 0, 0, 0, 0 }, 1, 8));
        Assert.True((shortRow - padded).abs().max().item<float>() < 1e-5f);
        var empty = encoder.forward(zeros(2, 6));
        Assert.Equal(new long[] { 2, 8 }, empty.shape);
        Assert.Equal(0f, empty.abs().max().item<float>());
    }

    [Fact]
    public void AnIdOutsideTheVocabularyIsRefusedNamingTheColumn()
    {
        using var scope = NewDisposeScope();
        var encoder = new WordEmbeddingEncoder("TextTokenIds", 50, 4, WordPooling.Mean);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => encoder.forward(tensor(new float[] { 1, 50, 2 }, 1, 3)));
        Assert.Contains("'TextTokenIds'", error.Message);
        Assert.Contains("VocabularySize", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WordEmbeddingOptions { EmbeddingDim = 0 }.Validate());
        Assert.Contains("[tokens]", Assert.Throws<ArgumentException>(() => new WordEmbeddingOptions().Create(new[] { 4, 8 })).Message);
    }
}
