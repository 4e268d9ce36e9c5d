using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;

namespace MsaMl.Experiments;

/// <summary>
/// A task: the records of a dataset, the modalities it provides and the feature columns that carry
/// each (<see cref="Inputs"/>), its classes (or, for a regression task, the sentiment intensity of
/// <see cref="IntensityRecord.Sentiment"/>), and the featurizer. Models are built on it from their
/// configuration (<see cref="Models.TaskModelBuilder"/>); the demo and <c>msa train</c> build them the same way.
/// </summary>
public sealed class ExperimentTask
{
    public required string Name { get; init; }

    public required IReadOnlyList<MultimodalRecord> Records { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The modalities the dataset declares (<see cref="DatasetLoader.ModalitiesOf"/>).</summary>
    public required Modalities Declared { get; init; }

    /// <summary>
    /// The feature columns of each modality the data has, in input order (audio, image, text, visual). A
    /// declared modality no record carries (a MOSI label.csv without audio) has none: the featurizer
    /// leaves it out, and models that read it say so.
    /// </summary>
    public required IReadOnlyList<ModalityColumns> Inputs { get; init; }

    /// <summary>The modalities the task's data has.</summary>
    public Modalities Available => Inputs.Aggregate(Modalities.None, (set, input) => set | input.Modality);

    /// <summary>The columns of one modality.</summary>
    /// <exception cref="InvalidDataException">The data lacks it.</exception>
    public ModalityColumns InputOf(Modalities modality) => Inputs.FirstOrDefault(i => i.Modality == modality)
        ?? throw new InvalidDataException($"Dataset '{Name}' has no {modality.Describe()} (it has {Available.Describe()}).");

    /// <summary>A sentiment-intensity task: models are regression models of <see cref="IntensityRecord.Sentiment"/>.</summary>
    public bool Regression { get; init; }

    /// <summary>The label column models train on: "Label" (a key) or, for regression, "Sentiment" (Single).</summary>
    public string LabelColumn => Regression ? IntensityRecord.SentimentColumnName : "Label";

    /// <summary>
    /// The featurizers, fitted on the training split: they read only the scoring columns
    /// (<see cref="MultimodalInput"/>), and a bundle saves them with the model.
    /// </summary>
    public required IEstimator<ITransformer> Featurizer { get; init; }

    /// <summary>
    /// The training-time label mapping (text labels to keys of <see cref="Labels"/>, see <see cref="LabelKeys"/>), applied before
    /// <see cref="Featurizer"/> and never saved; null for a regression task.
    /// </summary>
    public IEstimator<ITransformer>? LabelMapping { get; init; }

    /// <summary>The records of one split as an IDataView in the standard columns.</summary>
    /// <param name="ml">The context.</param>
    /// <param name="split">The split's name.</param>
    /// <param name="missing">Modalities whose inputs are emptied in every row (<see cref="MultimodalRecord.Blank"/>), as a scoring app without them would give them.</param>
    public IDataView Split(MLContext ml, string split, Modalities missing = Modalities.None)
    {
        T Blanked<T>(T record) where T : MultimodalRecord
        {
            record.Blank(missing);
            return record;
        }
        return Regression
            ? ml.Data.LoadFromEnumerable(RecordsOf(split).Select(r => Blanked(StandardIntensity(r))).ToList())
            : ml.Data.LoadFromEnumerable(RecordsOf(split).Select(r => Blanked(Standard(r))).ToList());
    }

    /// <summary>The schema a saved model of any task takes: the scoring columns only (<see cref="MultimodalInput"/>).</summary>
    public static DataViewSchema BundleInputSchema(MLContext ml) => ml.Data.LoadFromEnumerable(new List<MultimodalInput>()).Schema;

    /// <summary><paramref name="data"/> with its labels mapped to keys (<see cref="LabelMapping"/>); unchanged for a regression task.</summary>
    public IDataView MapLabels(IDataView data) => LabelMapping?.Fit(data).Transform(data) ?? data;

    /// <summary>
    /// Maps the labels, fits the featurizer on the training split and featurizes the three splits
    /// once into a <see cref="FeatureCache"/> on disk (.idv files), so no model's training or
    /// evaluation runs the encoders again and the features are held in memory only by the trainer
    /// that reads them (or streamed by it when they exceed its memory budget). The returned
    /// featurizer holds no label mapping; its input schema is <see cref="BundleInputSchema"/>.
    /// Dispose the result to delete the files. A record the featurizers refuse is named by its table
    /// line or id (<see cref="RecordInputErrors"/>); images treated as missing go to
    /// <see cref="IExperimentProgress.Warning"/>, one per record.
    /// </summary>
    public FeaturizedSplits Featurize(MLContext ml, IExperimentProgress? progress = null)
    {
        var train = MapLabels(Split(ml, SplitNames.Train));
        var featurizer = RecordInputErrors.Located(() => Featurizer.Fit(train), RecordsOf(SplitNames.Train), SplitNames.Train);
        var skipped = new SkippedImages(featurizer);
        var cache = new MsaMl.Transforms.Core.FeatureCache(ml);
        try
        {
            IDataView Save(IDataView split, string name)
            {
                var rows = RecordsOf(name);
                AttachProgress(featurizer, progress?.Featurizing(Name, name));
                try
                {
                    var saved = RecordInputErrors.Located(() => cache.Save(featurizer.Transform(split), name), rows, name);
                    foreach (string warning in skipped.Since(rows, name)) progress?.Warning(Name, warning);
                    return saved;
                }
                finally
                {
                    AttachProgress(featurizer, null);
                }
            }
            var splits = new FeaturizedSplits(featurizer, BundleInputSchema(ml), Save(train, SplitNames.Train),
                Save(MapLabels(Split(ml, SplitNames.Validation)), SplitNames.Validation), Save(MapLabels(Split(ml, SplitNames.Test)), SplitNames.Test)) { Cache = cache };
            // Featurizing leaves much garbage (encoder buffers, the .idv writer's blocks): give it back
            // before a trainer reads the features into memory.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return splits;
        }
        catch
        {
            cache.Dispose();
            throw;
        }
    }

    /// <summary>The records of one split, in the order of <see cref="Split"/>'s rows.</summary>
    public IReadOnlyList<MultimodalRecord> RecordsOf(string split) => Records.Where(r => InSplit(r.Split, split)).ToList();

    /// <summary>
    /// The validation rows join the training rows (and the validation split is empty): for a pooled
    /// model, which has no early stopping or other use for them. Without it, leave-one-speaker-out
    /// on EmoDB trained on 8 of the 9 other speakers and URDU's folds lost a fifth of their rows.
    /// </summary>
    public bool TrainOnValidation { get; init; }

    private bool InSplit(string recordSplit, string split) => !TrainOnValidation ? recordSplit == split
        : split == SplitNames.Train ? recordSplit is SplitNames.Train or SplitNames.Validation
        : split != SplitNames.Validation && recordSplit == split;

    /// <summary>Sets (or with null clears) the progress of every featurizing transform in <paramref name="model"/>, chains included.</summary>
    public static void AttachProgress(ITransformer model, IProgress<FeaturizingProgress>? progress)
    {
        switch (model)
        {
            case FeaturizingTransformer featurizing:
                featurizing.Progress = progress;
                break;
            case IEnumerable<ITransformer> chain:
                foreach (var inner in chain) AttachProgress(inner, progress);
                break;
        }
    }

    /// <summary>A copy in the standard columns only (so every dataset gives the same bundle input schema).</summary>
    public static MultimodalRecord Standard(MultimodalRecord r) => r.ToStandard();

    /// <summary>A copy in the standard columns plus the sentiment intensity (0 for a record without one).</summary>
    public static IntensityRecord StandardIntensity(MultimodalRecord r) =>
        new() { Id = r.Id, Text = r.Text, AudioPath = r.AudioPath, ImagePath = r.ImagePath, VideoPath = r.VideoPath, Label = r.Label, Split = r.Split, Speaker = r.Speaker, Sentiment = (r as IntensityRecord)?.Sentiment ?? 0f };
}
