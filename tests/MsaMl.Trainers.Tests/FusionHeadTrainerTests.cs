using Microsoft.ML;
using MsaMl.Trainers.Fusion;
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
        random.manual_seed(2);
        var fusion = new TensorFusion(4, 3, embedding: 5, hidden: 8, dropout: 0, classes: 2);
        fusion.eval();
        // With the second modality all zero, the output still depends on the first (the [h; 1] ones).
        var zerosText = zeros(2, 3);
        var a = fusion.forward(new[] { randn(2, 4), zerosText });
        var b = fusion.forward(new[] { randn(2, 4) * 3, zerosText });
        Assert.True((a - b).abs().max().item<float>() > 1e-4f);
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
