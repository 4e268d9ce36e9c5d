using Microsoft.ML;
using MsaMl.Trainers.Scoring;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>Counts the trainable parameters of a fitted model, for the complexity table.</summary>
public static class ModelParameters
{
    /// <summary>
    /// The parameters of the TorchSharp networks (<see cref="TorchScoringTransformer"/>) in
    /// <paramref name="model"/>, looking into transformer chains. Other transformers count 0; for
    /// an ML.NET trainer's model, pass its own count instead.
    /// </summary>
    /// <param name="model">A fitted transformer or transformer chain.</param>
    public static long Count(ITransformer model) => model switch
    {
        null => throw new ArgumentNullException(nameof(model)),
        TorchScoringTransformer torch => torch.ParameterCount,
        IEnumerable<ITransformer> chain => chain.Sum(Count),
        _ => 0,
    };
}
