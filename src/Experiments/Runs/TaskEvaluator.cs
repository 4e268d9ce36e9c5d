using Microsoft.ML;
using MsaMl.Experiments.Configuration;
using MsaMl.Datasets;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

/// <summary>
/// The one metric set of a kind of task, for <c>msa train</c>, <c>msa evaluate</c> and the demo:
/// MsaMl's classification metrics (WA, UA, macro F1, per class, confusion matrix) for classes, MMSA's
/// metrics for the sentiment intensity (CH-SIMS's set for sims, MOSI/MOSEI's otherwise).
/// </summary>
public sealed class TaskEvaluator
{
    private TaskEvaluator(MmsaDataset? regression) => Regression = regression;

    /// <summary>The MMSA dataset whose metric set a regression task reports; null for classification.</summary>
    public MmsaDataset? Regression { get; }

    /// <summary>The classification metric set.</summary>
    public static TaskEvaluator Classification { get; } = new(null);

    /// <summary>MMSA's metric set of <paramref name="dataset"/>.</summary>
    public static TaskEvaluator Intensity(MmsaDataset dataset) => new(dataset);

    /// <summary>The metric set of a configuration's task.</summary>
    public static TaskEvaluator For(ExperimentConfig config) =>
        config.Regression ? Intensity(MmsaDatasets.Parse(config.Dataset.Name) ?? MmsaDataset.Mosi) : Classification;

    /// <summary>The metric names in the order reports print them.</summary>
    public IReadOnlyList<string> MetricNames => Regression is { } dataset ? MmsaProtocol.MetricNamesOf(dataset)
        : [Pipelines.Evaluation.MetricNames.WeightedAccuracy, Pipelines.Evaluation.MetricNames.UnweightedAccuracy, Pipelines.Evaluation.MetricNames.MacroF1];

    /// <summary>The protocol in one line (regression), for result files and the console; null for classification.</summary>
    public string? Protocol => Regression is { } dataset ? MmsaProtocol.Describe(dataset) : null;

    /// <summary>The metrics of a model's scored rows.</summary>
    public INamedMetrics Evaluate(MLContext ml, IDataView scored, ExperimentTask task, TrainedModel model) => Regression is { } dataset
        ? MmsaProtocol.Evaluate(dataset, scored, task.LabelColumn, model.ScoreColumn)
        : ml.Msa().Evaluation.EvaluateClassification(scored, task.LabelColumn, model.ScoreColumn, model.PredictedLabelColumn);
}
