using System.Text.Json.Serialization;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// One whole experiment: the dataset and its reader's options, every featurizer's options, the
/// model and its options, the training switches and the evaluation protocol. Read and written by
/// <see cref="ExperimentConfigJson"/>; key names are the library's option property names in camel case.
/// </summary>
public sealed class ExperimentConfig
{
    /// <summary>The preset the configuration started from (<c>paper</c>, <c>paper-alexnet</c> or <c>fast</c>).</summary>
    public string Preset { get; set; } = ExperimentPresets.Fast;

    /// <summary>The dataset and its reader's options.</summary>
    public DatasetSection Dataset { get; set; } = new();

    /// <summary>The featurizers' options.</summary>
    public FeaturizerSection Featurizers { get; set; } = new();

    /// <summary>The model: its name and the options of its trainer (written flattened as the <c>model</c> object).</summary>
    [JsonIgnore]
    public ModelSection Model { get; set; } = new();

    /// <summary>Switches of the training run.</summary>
    public TrainingSection Training { get; set; } = new();

    /// <summary>The evaluation protocol and the seeds.</summary>
    public EvaluationSection Evaluation { get; set; } = new();

    /// <summary>The modalities the dataset provides (<see cref="DatasetLoader.ModalitiesOf"/>).</summary>
    [JsonIgnore]
    public Modalities Modalities => DatasetLoader.ModalitiesOf(Dataset.Name, Dataset.Map, Dataset.Root);

    /// <summary>Whether the models learn the sentiment intensity (<see cref="TaskType.Regression"/>).</summary>
    [JsonIgnore]
    public bool Regression => Dataset.Task == TaskType.Regression;
}
