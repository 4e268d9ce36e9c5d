using Microsoft.ML;
using MsaMl.Experiments.Configuration;
using MsaMl.Datasets;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Ote;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;

namespace MsaMl.Experiments;

/// <summary>
/// The two kinds of task (speech + text with AAT, image + text with OTE), with featurizers and
/// model sizes that train in minutes on two cores.
/// </summary>
public static class TaskPipelines
{
    /// <summary>A speech task when the records carry audio or a sentiment intensity (MOSI, MOSEI, SIMS: video clips), else an image task.</summary>
    public static ExperimentTask For(MLContext ml, string name, IReadOnlyList<MultimodalRecord> records, IReadOnlyList<string> labels, TrainingSettings settings) =>
        records.Any(r => r.AudioPath.Length > 0) || records.FirstOrDefault() is IntensityRecord
            ? Speech(ml, name, records, labels, settings)
            : Images(ml, name, records, labels, settings);

    private static void Apply(TorchTrainerOptions o, TrainingSettings settings, int epochs, double learningRate, bool regression = false)
    {
        if (regression)
        {
            o.OutputKind = TorchOutputKind.Regression;
            o.RegressionLoss = settings.RegressionLoss;
            o.LabelColumnName = IntensityRecord.SentimentColumnName;
        }
        o.Epochs = settings.Epochs ?? (settings.Quick ? 3 : epochs);
        o.LearningRate = settings.LearningRate ?? learningRate;
        o.BatchSize = settings.BatchSize ?? 32;
        o.EarlyStoppingPatience = settings.Quick ? 0 : settings.EarlyStoppingPatience;
        o.Seed = settings.Seed;
    }

    private static IEstimator<ITransformer> Head(MLContext ml, FusionHead head, string firstColumn, TrainingSettings settings, string score, string predicted, bool regression = false)
    {
        var o = new FusionHeadOptions
        {
            Head = head,
            FirstModality = firstColumn == "Spectrogram" ? Modalities.Audio : Modalities.Image,
            FirstColumnName = firstColumn,
            SecondColumnName = "TextTokens",
            Width = 32,
            Heads = 4,
            Hidden = 64,
            Dropout = 0.3,
            ScoreColumnName = score,
            PredictedLabelColumnName = predicted,
        };
        Apply(o, settings, epochs: 30, learningRate: 1e-3, regression);
        return ml.Msa().Trainers.FusionHead(o);
    }

    /// <summary>The BERT options of a task's text featurizer: MiniLM, or the encoder the settings name (e.g. a Chinese BERT for CH-SIMS).</summary>
    public static BertEmbeddingOptions TextEncoder(TrainingSettings settings, int maxTokens) =>
        new() { MaxTokens = maxTokens, ModelPath = settings.TextModelPath, VocabPath = settings.TextVocabPath };

    /// <summary>
    /// A speech + text task; with <paramref name="regression"/>, a sentiment-intensity task whose
    /// models are regression models of <see cref="IntensityRecord.Sentiment"/> (no label keys).
    /// <paramref name="maxTokens"/> overrides the text length (16 for classification, 50, MMSA's, for regression).
    /// </summary>
    public static ExperimentTask Speech(MLContext ml, string name, IReadOnlyList<MultimodalRecord> records, IReadOnlyList<string> labels, TrainingSettings settings,
        bool regression = false, int? maxTokens = null)
    {
        IEstimator<ITransformer> spectrogram = ml.Msa().Transforms.LogSpectrogram(new LogSpectrogramOptions
        {
            MelBands = 40,
            TimeFrames = 200,
            Standardization = SpectrogramStandardization.Dataset,
            StatisticsColumnName = "SpectrogramStats",
        });
        // Without any audio (a MOSI label.csv alone) the spectrogram has nothing to learn its
        // moments from; the task is then text-only and models that need audio say so.
        bool hasAudio = records.Any(r => r.AudioPath.Length > 0);
        var text = ml.Msa().Transforms.BertEmbedding(TextEncoder(settings, maxTokens ?? (regression ? 50 : 16)));
        // Emotion classes: the fast preset's speech recipe (acoustic functionals + log-mel statistics
        // -> L-BFGS) is the audio-only, text-only and early-fusion model, as in msa train's default.
        var recipe = !regression && hasAudio ? FastSpeechRecipe.Value : null;
        if (recipe != null)
            spectrogram = spectrogram.Append(ml.Msa().Transforms.AcousticFunctionals(recipe.Featurizers.Functionals!));
        IEstimator<ITransformer> featurizer = hasAudio ? spectrogram.Append(text) : text;

        IEstimator<ITransformer> Model(Modalities modalities, string score, string predicted)
        {
            var o = new AatOptions
            {
                Modalities = modalities,
                AudioEncoder = AatAudioEncoder.SmallCnn,
                AudioChannels = 48,
                TextOutDim = 64,
                ScoreColumnName = score,
                PredictedLabelColumnName = predicted,
                // The speech recipe for emotion classes (benchmarks/README.md, EmoDB): +10.9 UA over the MFCC + logistic-regression peer.
                BalanceClasses = !regression,
                WeightDecay = regression ? 0 : 1e-4,
            };
            Apply(o, settings, epochs: 30, learningRate: 1e-3, regression);
            return ml.Msa().Trainers.Aat(o);
        }

        return new ExperimentTask
        {
            Name = name,
            FirstModality = "audio",
            FirstPathColumn = "AudioPath",
            ModelName = "AAT",
            Records = records,
            Labels = labels,
            Regression = regression,
            HasFirstModality = hasAudio,
            Featurizer = featurizer,
            LabelMapping = regression ? null : LabelKeys.Mapping(ml, labels),
            Model = Model,
            HeadModel = (head, score, predicted) => Head(ml, head, "Spectrogram", settings, score, predicted, regression),
            EarlyFusionColumns = recipe != null ? ["Functionals", "SpectrogramStats", "TextEmbedding"] : ["SpectrogramStats", "TextEmbedding"],
            FirstPooledColumns = recipe != null ? ["Functionals", "SpectrogramStats"] : [],
            PooledModel = recipe?.Model.Pooled is { } pooled ? columns => pooled.Estimator(ml, columns) : null,
            // The task also trains TorchSharp models, which stop early on the validation rows, so
            // here the pooled models train on the training rows only.
        };
    }

    /// <summary>The fast preset's speech configuration (functionals options and the pooled model), read once.</summary>
    /// <remarks>Any speech dataset name selects the preset's speech section; emodb is one.</remarks>
    private static readonly Lazy<ExperimentConfig> FastSpeechRecipe = new(() =>
        ExperimentConfigJson.FromJson(ExperimentPresets.Defaults(ExperimentPresets.Fast, "emodb", "audio")));

    public static ExperimentTask Images(MLContext ml, string name, IReadOnlyList<MultimodalRecord> records, IReadOnlyList<string> labels, TrainingSettings settings)
    {
        // ResNet-18 features (about 25 images/s on two cores) feed early fusion and the fusion
        // heads; a quick run uses the raw 64x64 pixels instead.
        string imageFeatures = settings.Quick ? "ImageTensor" : "ImageFeatures";
        IEstimator<ITransformer> featurizer = ml.Msa().Transforms.ImageTensor(new ImageTensorOptions { Width = 64, Height = 64 });
        if (!settings.Quick) featurizer = featurizer.Append(ml.Msa().Transforms.PretrainedImageFeatures(new PretrainedImageFeaturesOptions()));
        featurizer = featurizer.Append(ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { MaxTokens = 12 }));

        IEstimator<ITransformer> Model(Modalities modalities, string score, string predicted)
        {
            var o = new OteOptions
            {
                Modalities = modalities,
                ImageEncoder = OteImageEncoder.SmallCnn,
                SmallCnnWidths = new[] { 48, 96 },
                ImageOutDim = 32,
                TextOutDim = 32,
                CrossModalDim = 32,
                Fusion = OteFusion.CrossModal,
                FeedForwardDim = 128,
                Hidden = 20,
                ScoreColumnName = score,
                PredictedLabelColumnName = predicted,
            };
            Apply(o, settings, epochs: 25, learningRate: 1e-3);
            return ml.Msa().Trainers.Ote(o);
        }

        return new ExperimentTask
        {
            Name = name,
            FirstModality = "image",
            FirstPathColumn = "ImagePath",
            ModelName = "OTE",
            Records = records,
            Labels = labels,
            Featurizer = featurizer,
            LabelMapping = LabelKeys.Mapping(ml, labels),
            Model = Model,
            HeadModel = (head, score, predicted) => Head(ml, head, imageFeatures, settings, score, predicted),
            EarlyFusionColumns = new[] { imageFeatures, "TextEmbedding" },
        };
    }
}
