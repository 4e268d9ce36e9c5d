namespace MsaMl.Experiments;

/// <summary>Options of the demo run on the embedded corpus.</summary>
public sealed class DemoOptions
{
    /// <summary>A short run (fewer epochs, smaller models) for smoke tests.</summary>
    public bool Quick { get; set; }

    /// <summary>Where the report, plots and model bundles go.</summary>
    public string OutputFolder { get; set; } = "msa-output";

    /// <summary>The corpus folder (datasets/demo); null finds it from the current or the program's folder.</summary>
    public string? CorpusRoot { get; set; }

    public int Seed { get; set; } = 1;

    /// <summary>Run the speech (AAT) task.</summary>
    public bool Speech { get; set; } = true;

    /// <summary>Also train sentiment-intensity (regression) models on the speech corpus and report MMSA's metrics (needs <see cref="Speech"/>).</summary>
    public bool Intensity { get; set; } = true;

    /// <summary>Run the image (OTE) task.</summary>
    public bool Images { get; set; } = true;
}
