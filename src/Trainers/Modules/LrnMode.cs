namespace MsaMl.Trainers.Modules;

/// <summary>How many channels AlexNet's local response normalization spans (the paper's lrn_mode).</summary>
public enum LrnMode
{
    /// <summary>All channels of the layer.</summary>
    Full,
    /// <summary>Half of the layer's channels.</summary>
    Half,
    /// <summary>One channel.</summary>
    Single,
}
