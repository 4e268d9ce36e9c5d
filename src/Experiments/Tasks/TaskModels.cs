namespace MsaMl.Experiments;

/// <summary>The two kinds of task: speech (audio + text) and images (image + text).</summary>
public enum TaskKind
{
    /// <summary>Audio + text (AAT).</summary>
    Speech,
    /// <summary>Image + text (OTE).</summary>
    Images,
}

/// <summary>The model names <c>msa train --model</c> accepts, per kind of task, and what each one trains.</summary>
public static class TaskModels
{
    private static readonly (string Name, ModelChoice Choice)[] SpeechModels =
    {
        ("audio", ModelChoice.First), ("text", ModelChoice.Text), ("aat", ModelChoice.Paper), ("early", ModelChoice.Early),
        ("late", ModelChoice.Late), ("tfn", ModelChoice.TensorFusion), ("attention", ModelChoice.Attention),
    };

    private static readonly (string Name, ModelChoice Choice)[] ImageModels =
    {
        ("image", ModelChoice.First), ("text", ModelChoice.Text), ("ote", ModelChoice.Paper), ("early", ModelChoice.Early),
        ("late", ModelChoice.Late), ("tfn", ModelChoice.TensorFusion), ("attention", ModelChoice.Attention),
    };

    /// <summary>The datasets read as image tasks; every other dataset (and a table with an <c>audio=</c> column) is speech.</summary>
    private static readonly string[] ImageDatasets = { "demo-images", "senticap", "mvsa" };

    /// <summary>The model names valid for a kind of task, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<string> Names(TaskKind kind) => (kind == TaskKind.Speech ? SpeechModels : ImageModels).Select(m => m.Name).ToArray();

    /// <summary>The kind of task a dataset name (and, for a table, its column map) gives.</summary>
    public static TaskKind KindOf(string dataset, string? map = null)
    {
        if (dataset.Equals(TableDatasetLoader.DatasetName, StringComparison.OrdinalIgnoreCase))
            return map is not null && map.Split(',').Any(p => p.Trim().StartsWith("audio=", StringComparison.OrdinalIgnoreCase)) ? TaskKind.Speech : TaskKind.Images;
        return ImageDatasets.Contains(dataset, StringComparer.OrdinalIgnoreCase) ? TaskKind.Images : TaskKind.Speech;
    }

    /// <summary>The modalities a kind of task's data has.</summary>
    public static Modalities ModalitiesOf(TaskKind kind) => (kind == TaskKind.Speech ? Modalities.Audio : Modalities.Image) | Modalities.Text;

    /// <summary>
    /// What a model choice reads on a task whose non-text modality is <paramref name="first"/>: the
    /// first modality alone, the text alone, or both (the paper's model and every fusion).
    /// </summary>
    public static Modalities Reads(ModelChoice choice, Modalities first) => choice switch
    {
        ModelChoice.First => first,
        ModelChoice.Text => Modalities.Text,
        _ => first | Modalities.Text,
    };

    /// <summary>The model a name selects for a kind of task.</summary>
    /// <exception cref="ArgumentException">
    /// The name is not one of <see cref="Names"/> for that kind; the message says what the named model
    /// reads (when it is a model of the other kind), what the dataset has, and lists the valid names.
    /// </exception>
    public static ModelChoice Parse(string name, TaskKind kind)
    {
        var models = kind == TaskKind.Speech ? SpeechModels : ImageModels;
        foreach (var (candidate, choice) in models)
            if (candidate.Equals(name, StringComparison.OrdinalIgnoreCase)) return choice;
        string task = kind == TaskKind.Speech ? "a speech" : "an image";
        var other = kind == TaskKind.Speech ? TaskKind.Images : TaskKind.Speech;
        var otherModel = (other == TaskKind.Speech ? SpeechModels : ImageModels).Where(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        string reads = otherModel.Count == 1
            ? $"reads {Reads(otherModel[0].Choice, ModalitiesOf(other) & ~Modalities.Text).Describe()}, but {task} dataset has {ModalitiesOf(kind).Describe()}"
            : $"does not fit {task} dataset ({ModalitiesOf(kind).Describe()})";
        throw new ArgumentException($"Model '{name}' {reads}; expected one of: {string.Join(", ", Names(kind))}.");
    }

    /// <summary>The name of a model choice for a kind of task (the inverse of <see cref="Parse"/>).</summary>
    public static string NameOf(ModelChoice choice, TaskKind kind) =>
        (kind == TaskKind.Speech ? SpeechModels : ImageModels).First(m => m.Choice == choice).Name;
}
