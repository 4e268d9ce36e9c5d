namespace MsaMl.Transforms.Core;

/// <summary>
/// Turns a batch of input values into feature vectors. One instance per cursor or per row mapper:
/// it may keep buffers, and is never shared between threads.
/// </summary>
public abstract class Featurizer : IDisposable
{
    /// <summary>
    /// Fills <paramref name="outputs"/>[c] (row-major, batch.Count x column size, already zeroed)
    /// for every output column c of the transform.
    /// </summary>
    public abstract void Featurize(IReadOnlyList<FeaturizerInput> batch, float[][] outputs);

    public virtual void Dispose() { }
}
