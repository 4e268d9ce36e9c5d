namespace MsaMl.Experiments.Configuration;

/// <summary>What a task's models learn.</summary>
public enum TaskType
{
    /// <summary>The class labels (WA, UA, macro F1).</summary>
    Classification,
    /// <summary>The sentiment intensity (mosi, mosei, sims), with MMSA's protocol and metrics.</summary>
    Regression,
}
