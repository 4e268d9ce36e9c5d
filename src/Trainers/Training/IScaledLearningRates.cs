using TorchSharp.Modules;

namespace MsaMl.Trainers.Training;

/// <summary>
/// A module whose parameters learn at rates other than the trainer's
/// <see cref="TorchTrainerOptions.LearningRate"/> (for example a fine-tuned pretrained encoder, at a
/// fraction of the head's rate). The training loop multiplies the trainer's rate by each listed
/// parameter's multiplier; a parameter not listed learns at the trainer's rate.
/// </summary>
public interface IScaledLearningRates
{
    /// <summary>The module's trainable parameters and their rate multipliers (positive).</summary>
    IEnumerable<(Parameter Parameter, double Multiplier)> LearningRateMultipliers();
}
