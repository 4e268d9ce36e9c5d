using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>The learning-rate multiplier of every parameter of a network, from its <see cref="IScaledLearningRates"/> modules.</summary>
internal static class LearningRates
{
    /// <summary>Multipliers by parameter (reference identity); parameters absent learn at the trainer's rate (1).</summary>
    public static Func<Parameter, double> MultipliersOf(nn.Module model)
    {
        var multipliers = new Dictionary<Parameter, double>(ReferenceEqualityComparer.Instance);
        foreach (var module in model.modules().OfType<IScaledLearningRates>())
            foreach (var (parameter, multiplier) in module.LearningRateMultipliers())
            {
                if (!(multiplier > 0) || double.IsInfinity(multiplier))
                    throw new ArgumentOutOfRangeException(nameof(model), $"{module.GetType().Name}: learning-rate multipliers must be positive, got {multiplier}.");
                multipliers[parameter] = multiplier;
            }
        return parameter => multipliers.TryGetValue(parameter, out double m) ? m : 1;
    }
}
