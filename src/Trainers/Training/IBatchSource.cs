using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>Where the training loop gets its batches: features held in memory, or read from an IDataView on each pass.</summary>
public interface IBatchSource
{
    /// <summary>
    /// One pass over the data in batches; shuffled when <paramref name="shuffle"/> is given.
    /// Tensors are created when the enumerator moves, so a dispose scope opened before
    /// <c>MoveNext</c> owns them.
    /// </summary>
    IEnumerable<TrainingBatch> Batches(int batchSize, Random? shuffle, Device device);

    /// <summary>Rows in one pass.</summary>
    int Rows { get; }

    /// <summary>How many rows carry each class (for class-balanced loss weights).</summary>
    int[] LabelCounts(int classes);
}
