using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Datasets;
using MsaMl.Transforms.Core;

namespace MsaMl.Pipelines.Scoring;

/// <summary>
/// Loading a bundle for scoring and reading its class names (none for a regression bundle, whose Score is a Single):
/// what <c>msa predict</c>, <c>msa evaluate</c> and <c>msa serve</c> share.
/// </summary>
public static class BundleScoring
{
    /// <summary>The bundle, its class names (from the bundle; an empty list for a regression bundle, sentiment intensity) and its input schema.</summary>
    /// <exception cref="InvalidDataException">The bundle is damaged, or has no Score column or class names.</exception>
    public static (ITransformer Model, string[] Classes, DataViewSchema InputSchema) Load(MLContext ml, string path, Persistence.BundleLoadOptions? options = null)
    {
        var model = ml.Msa().Model.Load(path, out var schema, options);
        var score = model.GetOutputSchema(schema).GetColumnOrNull("Score")
            ?? throw new InvalidDataException($"{path}: the model has no Score column; it is not a classifier or regression bundle.");
        if (score.Type == NumberDataViewType.Single) return (model, Array.Empty<string>(), schema);
        // A bundle that lists no class names (format 1 with an ML.NET classifier) still has them on its Score column.
        var names = ml.Msa().Model.ClassNames(path, options).ToArray() is { Length: > 0 } listed ? listed
            : ClassificationColumns.ReadTextAnnotation(score, "SlotNames") ?? throw new InvalidDataException($"{path}: the bundle lists no class names and its Score column has none.");
        return (model, names, schema);
    }

    /// <summary>
    /// The modalities the bundle's Score is computed from (of the input columns Text, AudioPath,
    /// ImagePath and VideoPath, those the chain's stages read on the way to Score); null when the chain cannot tell.
    /// </summary>
    public static Modalities? ScoredModalities(ITransformer model, DataViewSchema inputSchema)
    {
        IRowToRowMapper mapper;
        try
        {
            mapper = model.GetRowToRowMapper(inputSchema);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return null;
        }
        if (mapper.OutputSchema.GetColumnOrNull("Score") is not { } score) return null;
        var read = Modalities.None;
        foreach (var column in mapper.GetDependencies(new[] { score }))
            read |= column.Name switch
            {
                nameof(MultimodalInput.Text) => Modalities.Text,
                nameof(MultimodalInput.AudioPath) => Modalities.Audio,
                nameof(MultimodalInput.ImagePath) => Modalities.Image,
                nameof(MultimodalInput.VideoPath) => Modalities.Visual,
                _ => Modalities.None,
            };
        return read;
    }

    /// <summary>
    /// <paramref name="rows"/> scored by a classifier bundle, with "Label" as keys in the bundle's class order for the evaluators.
    /// A bundle of format 2 or later holds no label mapping, so the labels are mapped here; a format-1 bundle's input
    /// schema lists Label, and its chain maps it.
    /// </summary>
    public static IDataView ScoreLabeled(MLContext ml, ITransformer model, string[] classes, DataViewSchema inputSchema, IDataView rows) =>
        model.Transform(inputSchema.GetColumnOrNull("Label") == null ? LabelKeys.Apply(ml, classes, rows) : rows);

    /// <summary>A single-row engine over a classifier bundle. The whole record, not <see cref="MultimodalInput"/>: a format-1 bundle's chain still reads its (empty) Label column.</summary>
    public static PredictionEngine<MultimodalRecord, ClassPrediction> Engine(MLContext ml, ITransformer model) =>
        ml.Model.CreatePredictionEngine<MultimodalRecord, ClassPrediction>(model);

    /// <summary>A single-row engine over a regression (sentiment intensity) bundle.</summary>
    public static PredictionEngine<MultimodalRecord, IntensityPrediction> IntensityEngine(MLContext ml, ITransformer model) =>
        ml.Model.CreatePredictionEngine<MultimodalRecord, IntensityPrediction>(model);

    /// <summary>
    /// What the bundle's transforms let pass with a fallback while scoring so far, one line each: a
    /// row without the group column standardized with the training statistics, a speaker without
    /// statistics of its own, an unreadable image treated as missing.
    /// </summary>
    public static IReadOnlyList<string> Warnings(ITransformer model) =>
        Stages(model).SelectMany(stage => stage switch
        {
            Transforms.Normalization.GroupStandardizationTransformer group => group.Warnings.Lines,
            Transforms.Image.ImageTensorTransformer tensor => tensor.Warnings.Lines,
            Transforms.Image.PretrainedImageFeaturesTransformer features => features.Warnings.Lines,
            _ => [],
        }).Distinct().ToList();

    /// <summary>The stages of <paramref name="model"/>, chains (nested or not) opened, in order.</summary>
    public static IEnumerable<ITransformer> Stages(ITransformer model) =>
        model is IEnumerable<ITransformer> chain ? chain.SelectMany(Stages) : [model];
}
