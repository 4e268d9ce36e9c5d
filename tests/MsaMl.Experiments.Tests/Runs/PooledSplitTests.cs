using Microsoft.ML;
using MsaMl.Datasets;

namespace MsaMl.Experiments.Tests.Runs;

/// <summary>A pooled model has no use for the validation rows, so its task trains on them.</summary>
public sealed class PooledSplitTests
{
    private static ExperimentTask Task(bool trainOnValidation)
    {
        var ml = new MLContext(1);
        var records = new[] { SplitNames.Train, SplitNames.Train, SplitNames.Validation, SplitNames.Test }
            .Select((split, i) => new MultimodalRecord { Id = $"r{i}", Text = "words", Label = "a", Split = split }).ToList();
        return new ExperimentTask
        {
            Name = "t", Records = records, Labels = ["a"], Declared = Modalities.Text,
            Inputs = [new ModalityColumns(Modalities.Text, "Text", "TextCopy", "TextCopy", ["TextCopy"])],
            Featurizer = ml.Transforms.CopyColumns("TextCopy", "Text"),
            TrainOnValidation = trainOnValidation,
        };
    }

    [Fact]
    public void ValidationRowsJoinTrainingOnlyWhenTheTaskSaysSo()
    {
        var pooled = Task(trainOnValidation: true);
        Assert.Equal(["r0", "r1", "r2"], pooled.RecordsOf(SplitNames.Train).Select(r => r.Id));
        Assert.Empty(pooled.RecordsOf(SplitNames.Validation));
        Assert.Equal(["r3"], pooled.RecordsOf(SplitNames.Test).Select(r => r.Id));
        Assert.Equal(3, pooled.Split(new MLContext(1), SplitNames.Train).GetRowCount());

        var torch = Task(trainOnValidation: false);
        Assert.Equal(["r0", "r1"], torch.RecordsOf(SplitNames.Train).Select(r => r.Id));
        Assert.Equal(["r2"], torch.RecordsOf(SplitNames.Validation).Select(r => r.Id));
    }
}
