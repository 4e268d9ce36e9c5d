using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;

namespace MsaMl.Experiments;

/// <summary>
/// Passes an experiment's progress on to <paramref name="inner"/> (which may be null: no progress
/// shown) and keeps its warnings, handing each to <paramref name="report"/> as it arrives, so they
/// reach the user and the result file even when no progress is shown.
/// </summary>
public sealed class WarningCollector(IExperimentProgress? inner, Action<string>? report) : IExperimentProgress
{
    private readonly List<string> _warnings = [];

    /// <summary>The warnings so far, oldest first.</summary>
    public IReadOnlyList<string> Warnings
    {
        get { lock (_warnings) return _warnings.ToList(); }
    }

    public void Stage(string task, string message) => inner?.Stage(task, message);

    public void Epoch(string task, string model, EpochReport report) => inner?.Epoch(task, model, report);

    public IProgress<FeaturizingProgress>? Featurizing(string task, string pass) => inner?.Featurizing(task, pass);

    public IProgress<BatchReport>? Batches(string task, string model) => inner?.Batches(task, model);

    public void Warning(string task, string message)
    {
        string line = $"{task}: {message}";
        lock (_warnings)
        {
            if (_warnings.Contains(line)) return;
            _warnings.Add(line);
        }
        report?.Invoke(line);
    }
}
