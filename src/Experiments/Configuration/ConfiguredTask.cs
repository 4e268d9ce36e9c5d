using System.Text.Json;
using Microsoft.ML;
using MsaMl.Experiments.Models;
using MsaMl.Datasets;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;
using MsaMl.Transforms.Video;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// Builds a task from a configuration: one featurizer per modality the data has (every option from
/// the <c>featurizers</c> section; the pipeline wires only the column names), and the columns that
/// carry each modality. Models are built on the task from the <c>model</c> section (<see cref="Models.TaskModelBuilder"/>).
/// </summary>
public static class ConfiguredTask
{
    /// <summary>The task of a configuration over the given records; <paramref name="progress"/> also hears the spectrogram's fit pass.</summary>
    /// <param name="trainOnValidation">The validation rows join the training rows (<see cref="ExperimentTask.TrainOnValidation"/>).</param>
    /// <param name="reads">The modalities the run's model reads: only those are featurized (an audio model on a corpus with transcripts runs no text encoder); null: every modality the dataset declares.</param>
    public static ExperimentTask Create(MLContext ml, string name, IReadOnlyList<MultimodalRecord> records, IReadOnlyList<string> labels, ExperimentConfig config,
        IExperimentProgress? progress = null, bool trainOnValidation = false, Modalities? reads = null)
    {
        var declared = config.Modalities;
        var featurized = reads is { } r ? declared & r : declared;
        bool quick = config.Training.Quick;
        var f = config.Featurizers;
        IEstimator<ITransformer>? featurizer = null;
        void Append(IEstimator<ITransformer> next) => featurizer = featurizer is null ? next : featurizer.Append(next);
        var inputs = new List<ModalityColumns>();
        // A declared modality no record carries (a MOSI label.csv alone) has nothing to fit on: the
        // task goes without it, and models that read it say so.
        if (featurized.HasFlag(Modalities.Audio) && records.Any(r => r.AudioPath.Length > 0))
        {
            var s = Clone(f.Spectrogram ?? throw new ExperimentConfigException("featurizers.spectrogram", "null", "a dataset with audio needs the spectrogram options"));
            s.InputColumnName = "AudioPath";
            s.OutputColumnName = "Spectrogram";
            s.StatisticsColumnName = "SpectrogramStats";
            s.Progress = progress?.Featurizing(name, "train (spectrogram moments)");
            Append(ml.Msa().Transforms.LogSpectrogram(s));
            string[] pooled = ["SpectrogramStats"];
            if (f.Functionals is { } functionalsOptions)
            {
                var functionals = Clone(functionalsOptions);
                functionals.InputColumnName = "AudioPath";
                functionals.OutputColumnName = "Functionals";
                Append(ml.Msa().Transforms.AcousticFunctionals(functionals));
                pooled = ["Functionals", "SpectrogramStats"];
            }
            inputs.Add(new ModalityColumns(Modalities.Audio, "AudioPath", "Spectrogram", "Spectrogram", pooled));
        }
        if (featurized.HasFlag(Modalities.Image) && records.Any(r => r.ImagePath.Length > 0))
        {
            var image = Clone(f.Image ?? throw new ExperimentConfigException("featurizers.image", "null", "a dataset with images needs the image options"));
            image.InputColumnName = "ImagePath";
            image.OutputColumnName = "ImageTensor";
            Append(ml.Msa().Transforms.ImageTensor(image));
            // ResNet-18 features (about 25 images/s on two cores) feed early fusion and the fusion
            // heads; a quick run uses the pixels instead.
            if (!quick)
            {
                var features = Clone(f.ImageFeatures ?? throw new ExperimentConfigException("featurizers.imageFeatures", "null", "a dataset with images needs the imageFeatures options"));
                features.InputColumnName = "ImagePath";
                features.OutputColumnName = "ImageFeatures";
                Append(ml.Msa().Transforms.PretrainedImageFeatures(features));
            }
            string sequence = quick ? "ImageTensor" : "ImageFeatures";
            inputs.Add(new ModalityColumns(Modalities.Image, "ImagePath", "ImageTensor", sequence, [sequence]));
        }
        if (featurized.HasFlag(Modalities.Text))
        {
            var text = Clone(f.Text ?? throw new ExperimentConfigException("featurizers.text", "null", "a dataset with text needs the text encoder's options"));
            text.InputColumnName = "Text";
            text.TokenEmbeddingsColumnName = "TextTokens";
            text.SentenceEmbeddingColumnName = "TextEmbedding";
            Append(ml.Msa().Transforms.BertEmbedding(text));
            // Token-id encoders (word embeddings, a fine-tuned BERT) read WordPiece ids of the same
            // vocabulary and length; computed only when the model has one.
            string? tokenIds = null;
            if (TaskModelBuilder.ReadsTokenIds(config.Model))
            {
                tokenIds = "TextTokenIds";
                Append(ml.Msa().Transforms.TokenIds(new TokenIdsOptions
                {
                    InputColumnName = "Text", TokenIdsColumnName = tokenIds, AttentionMaskColumnName = null, MaxTokens = text.MaxTokens, VocabPath = text.VocabPath, LowerCase = text.LowerCase,
                }));
            }
            inputs.Add(new ModalityColumns(Modalities.Text, "Text", "TextTokens", "TextTokens", ["TextEmbedding"]) { TokenIdsColumn = tokenIds });
        }
        if (featurized.HasFlag(Modalities.Visual) && records.Any(r => r.VideoPath.Length > 0))
        {
            var video = Clone(f.Video ?? throw new ExperimentConfigException("featurizers.video", "null", "a dataset with videos needs the video frame options"));
            video.InputColumnName = "VideoPath";
            video.OutputColumnName = "VideoFrameFeatures";
            video.MaskColumnName = "VideoFrameMask";
            video.PooledColumnName = "VideoPooled";
            Append(ml.Msa().Transforms.VideoFrames(video));
            inputs.Add(new ModalityColumns(Modalities.Visual, "VideoPath", "VideoFrameFeatures", "VideoFrameFeatures", ["VideoPooled"]));
        }
        if (featurizer is null)
            throw new InvalidDataException($"Dataset '{name}' has none of the modalities it declares ({declared.Describe()}): no record carries them.");

        return new ExperimentTask
        {
            Name = name,
            Records = records,
            Labels = labels,
            Declared = declared,
            Inputs = inputs,
            Regression = config.Regression,
            Featurizer = featurizer,
            LabelMapping = config.Regression ? null : LabelKeys.Mapping(ml, labels),
            TrainOnValidation = trainOnValidation,
        };
    }

    /// <summary>A copy through the configuration's JSON form (column names and seed at their defaults; the caller sets them).</summary>
    internal static T Clone<T>(T options) where T : class =>
        (T)JsonSerializer.Deserialize(JsonSerializer.Serialize(options, options.GetType(), ExperimentConfigJson.Options), options.GetType(), ExperimentConfigJson.Options)!;
}
