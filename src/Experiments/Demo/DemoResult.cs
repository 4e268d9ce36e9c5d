namespace MsaMl.Experiments;

/// <summary>Everything the demo produced.</summary>
public sealed record DemoResult(
    IReadOnlyList<ModelResult> Models,
    IReadOnlyList<RobustnessResult> Robustness,
    IReadOnlyList<string> Bundles,
    IReadOnlyList<ExamplePrediction> Examples,
    string ReportPath,
    IReadOnlyList<IntensityModelResult>? Intensity = null);
