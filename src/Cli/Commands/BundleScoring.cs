using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Datasets;
using MsaMl.Transforms.Core;

namespace MsaMl.Cli.Commands;

/// <summary>Loading a bundle and reading its class names (none for a regression bundle, whose Score is a Single), for evaluate and predict.</summary>
internal static class BundleScoring
{
    public sealed class Prediction
    {
        public float[] Score { get; set; } = Array.Empty<float>();
        public uint PredictedLabel { get; set; }
    }

    /// <summary>A regression bundle's output: the predicted intensity.</summary>
    public sealed class IntensityPrediction
    {
        public float Score { get; set; }
    }

    /// <summary>The bundle and its class names; an empty list for a regression bundle (sentiment intensity).</summary>
    public static (ITransformer Model, string[] Classes) Load(MLContext ml, string path)
    {
        var model = ml.Msa().Model.Load(path, out var schema);
        var output = model.GetOutputSchema(schema);
        var score = output.GetColumnOrNull("Score")
            ?? throw new InvalidDataException($"{path}: the model has no Score column; it is not a classifier or regression bundle.");
        if (score.Type == NumberDataViewType.Single) return (model, Array.Empty<string>());
        var names = ClassificationColumns.ReadTextAnnotation(score, "SlotNames")
            ?? throw new InvalidDataException($"{path}: the Score column has no class names.");
        return (model, names);
    }

    public static PredictionEngine<MultimodalRecord, Prediction> Engine(MLContext ml, ITransformer model) =>
        ml.Model.CreatePredictionEngine<MultimodalRecord, Prediction>(model);

    public static PredictionEngine<MultimodalRecord, IntensityPrediction> IntensityEngine(MLContext ml, ITransformer model) =>
        ml.Model.CreatePredictionEngine<MultimodalRecord, IntensityPrediction>(model);
}
