namespace MsaMl.Experiments.Configuration;

/// <summary>The <c>training</c> section: switches of the run on top of the model's own training options (epochs, learning rate, … live in <c>model</c>).</summary>
public sealed class TrainingSection
{
    /// <summary>A smoke run on top of any preset: 3 epochs, no early stopping, raw pixels instead of ResNet-18 features.</summary>
    public bool Quick { get; set; }
}
