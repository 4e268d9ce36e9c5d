using System.Text.Json;
using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Ote;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Audio.Functionals;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;

namespace MsaMl.Experiments.Configuration;

/// <summary>Builds a task's featurizer and models from a configuration (every option from its sections; the pipeline wires only the column names and the seed).</summary>
public static class ConfiguredTask
{
    /// <summary>The task of a configuration over the given records, trained with <paramref name="seed"/>; <paramref name="progress"/> also hears the spectrogram's fit pass.</summary>
    public static ExperimentTask Create(MLContext ml, string name, IReadOnlyList<MultimodalRecord> records, IReadOnlyList<string> labels, ExperimentConfig config, int seed,
        IExperimentProgress? progress = null)
    {
        bool speech = config.Kind == TaskKind.Speech;
        bool quick = config.Training.Quick;
        var f = config.Featurizers;
        IEstimator<ITransformer> featurizer;
        string firstSequence;
        string[] firstPooled;
        if (speech)
        {
            var s = Clone(f.Spectrogram!);
            s.InputColumnName = "AudioPath";
            s.OutputColumnName = "Spectrogram";
            s.StatisticsColumnName = "SpectrogramStats";
            s.Progress = progress?.Featurizing(name, "train (spectrogram moments)");
            featurizer = ml.Msa().Transforms.LogSpectrogram(s);
            firstSequence = "Spectrogram";
            firstPooled = ["SpectrogramStats"];
            if (f.Functionals is { } functionalsOptions)
            {
                var functionals = Clone(functionalsOptions);
                functionals.InputColumnName = "AudioPath";
                functionals.OutputColumnName = "Functionals";
                featurizer = featurizer.Append(ml.Msa().Transforms.AcousticFunctionals(functionals));
                firstPooled = ["Functionals", "SpectrogramStats"];
            }
        }
        else
        {
            var image = Clone(f.Image!);
            image.InputColumnName = "ImagePath";
            image.OutputColumnName = "ImageTensor";
            featurizer = ml.Msa().Transforms.ImageTensor(image);
            if (!quick)
            {
                var features = Clone(f.ImageFeatures!);
                features.InputColumnName = "ImagePath";
                features.OutputColumnName = "ImageFeatures";
                featurizer = featurizer.Append(ml.Msa().Transforms.PretrainedImageFeatures(features));
            }
            firstSequence = quick ? "ImageTensor" : "ImageFeatures";
            firstPooled = [firstSequence];
        }
        var text = Clone(f.Text);
        text.InputColumnName = "Text";
        text.TokenEmbeddingsColumnName = "TextTokens";
        text.SentenceEmbeddingColumnName = "TextEmbedding";
        featurizer = featurizer.Append(ml.Msa().Transforms.BertEmbedding(text));

        IEstimator<ITransformer> Model(Modalities modalities, string score, string predicted)
        {
            switch (config.Model.Options)
            {
                case AatOptions aat:
                    var a = Trainer(aat, score, predicted, seed, quick);
                    a.AudioColumnName = "Spectrogram";
                    a.TextColumnName = "TextTokens";
                    a.Modalities = modalities;
                    return ml.Msa().Trainers.Aat(a);
                case OteOptions ote:
                    var o = Trainer(ote, score, predicted, seed, quick);
                    o.ImageColumnName = "ImageTensor";
                    o.TextColumnName = "TextTokens";
                    o.Modalities = modalities;
                    return ml.Msa().Trainers.Ote(o);
                default:
                    throw new InvalidOperationException($"model '{config.Model.Name}' has no AAT/OTE options; it trains no single-modality model.");
            }
        }

        IEstimator<ITransformer> Head(FusionHead head, string score, string predicted)
        {
            if (config.Model.Options is not FusionHeadOptions options)
                throw new InvalidOperationException($"model '{config.Model.Name}' has no fusion-head options.");
            var h = Trainer(options, score, predicted, seed, quick);
            h.Head = head;
            h.FirstModality = speech ? Modalities.Audio : Modalities.Image;
            h.FirstColumnName = firstSequence;
            h.SecondColumnName = "TextTokens";
            return ml.Msa().Trainers.FusionHead(h);
        }

        return new ExperimentTask
        {
            Name = name,
            FirstModality = speech ? "audio" : "image",
            FirstPathColumn = speech ? "AudioPath" : "ImagePath",
            ModelName = speech ? "AAT" : "OTE",
            Records = records,
            Labels = labels,
            Featurizer = featurizer,
            LabelMapping = LabelKeys.Mapping(ml, labels),
            Model = Model,
            HeadModel = Head,
            EarlyFusionColumns = [.. firstPooled, "TextEmbedding"],
            FirstPooledColumns = firstPooled,
            PooledModel = config.Model.Pooled is { } pooled ? columns => pooled.Estimator(ml, columns) : null,
            TrainOnValidation = config.Model.Pooled is not null,
        };
    }

    private static T Trainer<T>(T options, string score, string predicted, int seed, bool quick) where T : TorchTrainerOptions
    {
        var o = Clone(options);
        o.LabelColumnName = "Label";
        o.ScoreColumnName = score;
        o.PredictedLabelColumnName = predicted;
        o.Seed = seed;
        if (quick)
        {
            o.Epochs = Math.Min(o.Epochs, 3);
            o.EarlyStoppingPatience = 0;
        }
        return o;
    }

    /// <summary>A copy through the configuration's JSON form (column names and seed at their defaults; the caller sets them).</summary>
    private static T Clone<T>(T options) where T : class =>
        (T)JsonSerializer.Deserialize(JsonSerializer.Serialize(options, options.GetType(), ExperimentConfigJson.Options), options.GetType(), ExperimentConfigJson.Options)!;
}
