using Microsoft.ML;
using MsaMl.Pipelines.Datasets;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Ote;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;

namespace MsaMl.Pipelines.Experiments;

/// <summary>The demo's two tasks, with model sizes chosen to train in minutes on two cores.</summary>
internal static class DemoTasks
{
    private sealed class LabelRow { public string Label { get; set; } = ""; }

    private static IEstimator<ITransformer> LabelKeys(MLContext ml, IReadOnlyList<string> labels) =>
        ml.Transforms.Conversion.MapValueToKey("Label", keyData: ml.Data.LoadFromEnumerable(labels.Select(l => new LabelRow { Label = l })));

    private static void Train(TorchTrainerOptions o, DemoOptions demo, int epochs, double learningRate)
    {
        o.Epochs = demo.Quick ? Math.Max(3, epochs / 5) : epochs;
        o.LearningRate = learningRate;
        o.BatchSize = 32;
        o.EarlyStoppingPatience = demo.Quick ? 0 : 10;
        o.Seed = demo.Seed;
    }

    public static DemoTask Speech(MLContext ml, DemoOptions demo, string? root)
    {
        var table = DemoCorpusReader.ReadSpeech(ml, root);
        var labels = DemoCorpusReader.SpeechLabels;
        var featurizer = LabelKeys(ml, labels)
            .Append(ml.Msa().Transforms.LogSpectrogram(new LogSpectrogramOptions
            {
                MelBands = 64,
                TimeFrames = 240,
                Standardization = SpectrogramStandardization.Dataset,
                StatisticsColumnName = "SpectrogramStats",
            }))
            .Append(ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { MaxTokens = 16 }));

        IEstimator<ITransformer> Model(DemoModalities modalities, string score, string predicted)
        {
            var o = new AatOptions
            {
                Modalities = modalities switch { DemoModalities.First => AatModalities.Audio, DemoModalities.Text => AatModalities.Text, _ => AatModalities.Both },
                AudioEncoder = AatAudioEncoder.SmallCnn,
                AudioChannels = 64,
                TextOutDim = 64,
                ScoreColumnName = score,
                PredictedLabelColumnName = predicted,
            };
            Train(o, demo, epochs: 40, learningRate: 1e-3);
            return ml.Msa().Trainers.Aat(o);
        }

        return new DemoTask
        {
            Name = "speech",
            FirstModality = "audio",
            FirstPathColumn = "AudioPath",
            ModelName = "AAT",
            Table = table,
            Labels = labels,
            Featurizer = featurizer,
            Model = Model,
            EarlyFusionColumns = new[] { "SpectrogramStats", "TextEmbedding" },
        };
    }

    public static DemoTask Images(MLContext ml, DemoOptions demo, string? root)
    {
        var table = DemoCorpusReader.ReadImages(ml, root);
        var labels = DemoCorpusReader.ImageLabels;
        var featurizer = LabelKeys(ml, labels)
            .Append(ml.Msa().Transforms.ImageTensor(new ImageTensorOptions { Width = 64, Height = 64 }))
            .Append(ml.Msa().Transforms.PretrainedImageFeatures(new PretrainedImageFeaturesOptions()))
            .Append(ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { MaxTokens = 12 }));

        IEstimator<ITransformer> Model(DemoModalities modalities, string score, string predicted)
        {
            var o = new OteOptions
            {
                Modalities = modalities switch { DemoModalities.First => OteModalities.Image, DemoModalities.Text => OteModalities.Text, _ => OteModalities.Both },
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
            Train(o, demo, epochs: 30, learningRate: 1e-3);
            return ml.Msa().Trainers.Ote(o);
        }

        return new DemoTask
        {
            Name = "images",
            FirstModality = "image",
            FirstPathColumn = "ImagePath",
            ModelName = "OTE",
            Table = table,
            Labels = labels,
            Featurizer = featurizer,
            Model = Model,
            EarlyFusionColumns = new[] { "ImageFeatures", "TextEmbedding" },
        };
    }
}
