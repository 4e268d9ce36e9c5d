using Microsoft.ML;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Fusions;
using MsaMl.Trainers.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

public sealed class FusionHeadTrainerTests
{
    [Theory]
    [InlineData(FusionHead.TensorFusion)]
    [InlineData(FusionHead.CrossModalAttention)]
    public void OverfitsATinyBatchOfSpectrogramsAndTokens(FusionHead head)
    {
        var ml = new MLContext(seed: 1);
        var data = TinyRow.Load(ml, TinyRow.Make(16, 4, seed: 6));
        var options = new FusionHeadOptions
        {
            Head = head,
            FirstColumnName = "Spectrogram",
            SecondColumnName = "TextTokens",
            Width = 16,
            Heads = 2,
            Hidden = 32,
            Dropout = 0,
            Epochs = 60,
            LearningRate = 0.01,
            BatchSize = 8,
        };
        var model = ml.Msa().Trainers.FusionHead(options).Fit(data);
        Assert.Equal(1.0, ml.MulticlassClassification.Evaluate(model.Transform(data)).MicroAccuracy);
    }

    [Fact]
    public void TensorFusionKeepsUnimodalTerms()
    {
        using var scope = NewDisposeScope();
        var fusion = new TensorFusion();
        // With the second modality all zero, the fused vector still holds the first (the [h; 1] ones).
        var first = randn(2, 4);
        var fused = fusion.forward(new[] { first, zeros(2, 3) });
        Assert.Equal(new long[] { 2, 5 * 4 }, fused.shape);
        var unimodal = fused.view(2, 5, 4)[TensorIndex.Colon, TensorIndex.Slice(0, 4), 3];
        Assert.True(unimodal.allclose(first));
    }

    [Fact]
    public void TensorFusionOfThreeModalitiesHoldsEveryProductTerm()
    {
        using var scope = NewDisposeScope();
        var (a, b, c) = (randn(2, 2), randn(2, 3), randn(2, 1));
        var fusion = new TensorFusionOptions().Create(new long[] { 2, 3, 1 });
        Assert.Equal(3 * 4 * 2, fusion.Width);
        var fused = fusion.Module.forward(new[] { a, b, c }).view(2, 3, 4, 2);
        // The trimodal term a_i * b_j * c_k and, with the ones, every lower-order term.
        Assert.True(fused[TensorIndex.Colon, 1, 2, 0].allclose(a[TensorIndex.Colon, 1] * b[TensorIndex.Colon, 2] * c[TensorIndex.Colon, 0]));
        Assert.True(fused[TensorIndex.Colon, 0, 3, 1].allclose(a[TensorIndex.Colon, 0]));
        Assert.True(fused[TensorIndex.Colon, 2, 3, 1].allclose(ones(2)));
    }

    [Fact]
    public void PaddingMaskNeverMasksAWholeRow()
    {
        using var scope = NewDisposeScope();
        var sequence = zeros(2, 3, 4);
        sequence[0, 1] = ones(4);
        var mask = SequenceView.PaddingMask(sequence);
        Assert.Equal(new[] { true, false, true }, mask[0].data<bool>().ToArray());
        Assert.Equal(new[] { false, true, true }, mask[1].data<bool>().ToArray());
    }
}
