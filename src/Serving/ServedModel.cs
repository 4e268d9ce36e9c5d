using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Pipelines.Persistence;
using MsaMl.Pipelines.Scoring;

namespace MsaMl.Serving;

/// <summary>
/// A loaded model bundle ready to serve: its class names (none for a regression bundle), the modalities its Score
/// reads, its manifest, and a thread-safe <see cref="PredictionEnginePool{TSrc, TDst}"/> that every request scores
/// through. One per app; dispose it when the app stops.
/// </summary>
public sealed class ServedModel : IDisposable
{
    private readonly PredictionEnginePool<MultimodalRecord, ClassPrediction>? _classes;
    private readonly PredictionEnginePool<MultimodalRecord, IntensityPrediction>? _intensity;

    private ServedModel(string path, string[] classes, Modalities reads, BundleManifest manifest, MLContext ml, ITransformer model)
    {
        Path = path;
        Classes = classes;
        Reads = reads;
        Manifest = manifest;
        if (classes.Length == 0) _intensity = new(ml, model);
        else _classes = new(ml, model);
    }

    /// <summary>Loads the bundle at <paramref name="path"/> (as <c>msa predict</c> does) and makes its engine pool.</summary>
    /// <exception cref="FileNotFoundException">The bundle, or a file it references, does not exist.</exception>
    /// <exception cref="InvalidDataException">The bundle is damaged, altered, beyond a limit, or not a classifier or regression bundle.</exception>
    public static ServedModel Load(string path, BundleLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var ml = new MLContext(seed: 1);
        var (model, classes, inputSchema) = BundleScoring.Load(ml, path, options);
        var manifest = ml.Msa().Model.ReadManifest(path, options);
        // A chain that cannot tell what it reads is taken to read every scoring column it lists.
        var reads = BundleScoring.ScoredModalities(model, inputSchema) ?? InputModalities(inputSchema);
        return new ServedModel(System.IO.Path.GetFullPath(path), classes, reads, manifest, ml, model);
    }

    /// <summary>The bundle's full path.</summary>
    public string Path { get; }

    /// <summary>The class names in Score order; empty for a regression (sentiment intensity) bundle.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>True for a regression bundle, whose answer is an intensity, not a label.</summary>
    public bool IsRegression => Classes.Count == 0;

    /// <summary>The modalities the bundle's Score is computed from.</summary>
    public Modalities Reads { get; }

    /// <summary>The bundle's manifest: format, versions, stages and their options.</summary>
    public BundleManifest Manifest { get; }

    /// <summary>Scores one row through the engine pool; safe from any number of threads.</summary>
    /// <param name="row">Text, and the full paths of the audio and image files (empty where absent).</param>
    /// <param name="present">The modalities the request gave, reported back.</param>
    public Prediction Predict(MultimodalRecord row, Modalities present)
    {
        ArgumentNullException.ThrowIfNull(row);
        var modalities = present.Members().Select(m => m.ToString().ToLowerInvariant()).ToArray();
        if (_intensity != null) return new Prediction { Intensity = _intensity.Predict(row).Score, Modalities = modalities };
        var scored = _classes!.Predict(row);
        var scores = new Dictionary<string, float>(Classes.Count);
        for (int i = 0; i < Classes.Count; i++) scores[Classes[i]] = scored.Score[i];
        return new Prediction { Label = Classes[(int)scored.PredictedLabel - 1], Scores = scores, Modalities = modalities };
    }

    private static Modalities InputModalities(Microsoft.ML.DataViewSchema schema) =>
        (schema.GetColumnOrNull(nameof(MultimodalInput.Text)) != null ? Modalities.Text : Modalities.None)
        | (schema.GetColumnOrNull(nameof(MultimodalInput.AudioPath)) != null ? Modalities.Audio : Modalities.None)
        | (schema.GetColumnOrNull(nameof(MultimodalInput.ImagePath)) != null ? Modalities.Image : Modalities.None);

    /// <summary>Disposes the engine pool (the model itself holds no engines).</summary>
    public void Dispose()
    {
        _classes?.Dispose();
        _intensity?.Dispose();
    }
}
