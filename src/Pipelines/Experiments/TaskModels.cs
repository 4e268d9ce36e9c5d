namespace MsaMl.Pipelines.Experiments;

/// <summary>The two kinds of task: speech (audio + text) and images (image + text).</summary>
public enum TaskKind
{
    /// <summary>Audio + text (AAT).</summary>
    Speech,
    /// <summary>Image + text (OTE).</summary>
    Images,
}

/// <summary>A model <c>msa train --model</c> names: how it is built and the modalities it reads.</summary>
/// <param name="Name">The name, as <c>--model</c> takes it.</param>
/// <param name="Choice">How the model is built.</param>
/// <param name="Reads">The modalities it reads; a dataset must have all of them.</param>
public sealed record ModelSpec(string Name, ModelChoice Choice, Modalities Reads);

/// <summary>The model names <c>msa train --model</c> accepts, per kind of task, and what each one trains.</summary>
public static class TaskModels
{
    private const Modalities Speech = Modalities.Audio | Modalities.Text;
    private const Modalities Images = Modalities.Image | Modalities.Text;

    private static readonly ModelSpec[] SpeechModels =
    {
        new("audio", ModelChoice.Paper, Modalities.Audio), new("text", ModelChoice.Paper, Modalities.Text), new("aat", ModelChoice.Paper, Speech),
        new("early", ModelChoice.Early, Speech), new("late", ModelChoice.Late, Speech), new("tfn", ModelChoice.TensorFusion, Speech), new("attention", ModelChoice.Attention, Speech),
    };

    private static readonly ModelSpec[] ImageModels =
    {
        new("image", ModelChoice.Paper, Modalities.Image), new("text", ModelChoice.Paper, Modalities.Text), new("ote", ModelChoice.Paper, Images),
        new("early", ModelChoice.Early, Images), new("late", ModelChoice.Late, Images), new("tfn", ModelChoice.TensorFusion, Images), new("attention", ModelChoice.Attention, Images),
    };

    /// <summary>The datasets read as image tasks; every other dataset (and a table with an <c>audio=</c> column) is speech.</summary>
    private static readonly string[] ImageDatasets = { "demo-images", "senticap", "mvsa" };

    /// <summary>The model names valid for a kind of task, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<string> Names(TaskKind kind) => Models(kind).Select(m => m.Name).ToArray();

    /// <summary>The modalities a kind of task's datasets have.</summary>
    public static Modalities ModalitiesOf(TaskKind kind) => kind == TaskKind.Speech ? Speech : Images;

    /// <summary>The kind of task a dataset name (and, for a table, its column map) gives.</summary>
    public static TaskKind KindOf(string dataset, string? map = null)
    {
        if (dataset.Equals(TableDatasetLoader.DatasetName, StringComparison.OrdinalIgnoreCase))
            return map is not null && map.Split(',').Any(p => p.Trim().StartsWith("audio=", StringComparison.OrdinalIgnoreCase)) ? TaskKind.Speech : TaskKind.Images;
        return ImageDatasets.Contains(dataset, StringComparer.OrdinalIgnoreCase) ? TaskKind.Images : TaskKind.Speech;
    }

    /// <summary>The model a name selects for a kind of task.</summary>
    /// <exception cref="ArgumentException">
    /// The name is not one of <see cref="Names"/> for that kind: the message says what the model reads
    /// and what such a dataset has (for a model of the other kind), and lists the valid names.
    /// </exception>
    public static ModelSpec Parse(string name, TaskKind kind)
    {
        var found = Find(Models(kind), name);
        if (found != null) return found;
        string task = kind == TaskKind.Speech ? "a speech" : "an image";
        string expected = $"expected one of: {string.Join(", ", Names(kind))}.";
        var other = Find(Models(kind == TaskKind.Speech ? TaskKind.Images : TaskKind.Speech), name);
        if (other != null)
            try { other.Reads.RequireWithin(ModalitiesOf(kind), other.Name, $"{task} dataset"); }
            catch (ArgumentException e) { throw new ArgumentException($"{e.Message.TrimEnd('.')}; {expected}", e); }
        throw new ArgumentException($"Model '{name}' does not fit {task} ({ModalitiesOf(kind).Describe()}) dataset; {expected}");
    }

    private static ModelSpec[] Models(TaskKind kind) => kind == TaskKind.Speech ? SpeechModels : ImageModels;

    private static ModelSpec? Find(IEnumerable<ModelSpec> models, string name) =>
        models.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
