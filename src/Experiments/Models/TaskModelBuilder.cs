using Microsoft.ML;
using MsaMl.Experiments.Configuration;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Fusions;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Ote;
using MsaMl.Trainers.Training;

namespace MsaMl.Experiments.Models;

/// <summary>
/// Builds the estimator of a <see cref="ModelSection"/> on a task: the trainer's options from the
/// section, with what the pipeline wires itself (the feature columns of the modalities read, the
/// label column, the output kind, the score columns, the seed, a quick run's limits).
/// </summary>
public sealed class TaskModelBuilder(MLContext ml, ExperimentTask task, int seed, bool quick)
{
    /// <summary>The trainer options type a named model's section holds on a dataset declaring <paramref name="declared"/>; null for early and late fusion.</summary>
    public static Type? OptionsType(NamedModel named, Modalities declared) => named.Shape switch
    {
        ModelShape.Aat => typeof(AatOptions),
        ModelShape.Ote => typeof(OteOptions),
        ModelShape.TensorFusion or ModelShape.Attention => typeof(FusionHeadOptions),
        ModelShape.Composed => typeof(ComposedOptions),
        ModelShape.SingleModality when named.Fixed == Modalities.Image => typeof(OteOptions),
        // Neither paper model reads frames: the visual model is a composition over the frame features.
        ModelShape.SingleModality when named.Fixed == Modalities.Visual => typeof(ComposedOptions),
        // Text alone is AAT's text branch on a dataset with audio, OTE's on one with images only.
        ModelShape.SingleModality when named.Fixed == Modalities.Text && !declared.HasFlag(Modalities.Audio) && declared.HasFlag(Modalities.Image) => typeof(OteOptions),
        ModelShape.SingleModality => typeof(AatOptions),
        _ => null,
    };

    /// <summary>The preset file's section that holds an options type's values.</summary>
    public static string SectionOf(Type optionsType) =>
        optionsType == typeof(AatOptions) ? "aat" : optionsType == typeof(OteOptions) ? "ote" : optionsType == typeof(FusionHeadOptions) ? "head" : "composed";

    /// <summary>
    /// The composition <c>--model composed</c> (and the TorchSharp <c>visual</c> model) starts from: each
    /// declared modality's sequence pooled to 32 (the frames by attention, which leaves a short video's
    /// padding out; the others by their mean) -> concatenation -> an MLP head.
    /// </summary>
    public static ComposedOptions DefaultComposition(Modalities declared) => new()
    {
        Encoders = declared.Members().Select(m => m == Modalities.Visual
            ? new AttentionPooledOptions { Modality = m, Width = 32 }
            : (EncoderOptions)new MeanPooledOptions { Modality = m, Width = 32 }).ToList(),
        Fusion = new ConcatFusionOptions(),
        Head = new MlpHeadOptions { Hidden = 64, Dropout = 0.3 },
    };

    /// <summary>The modalities a composition's encoders read.</summary>
    public static Modalities ReadsOf(ComposedOptions composed) => composed.Encoders.Aggregate(Modalities.None, (set, e) => set | e.Modality);

    /// <summary>
    /// A pooled-feature model over the pooled columns of <paramref name="reads"/>, writing Score (and
    /// PredictedLabel). A dataset whose records name no speaker trains without the per-speaker copy.
    /// </summary>
    public IEstimator<ITransformer> Pooled(PooledModelOptions pooled, Modalities reads)
        => pooled.Estimator(ml, reads.Members().SelectMany(m => task.InputOf(m).PooledColumns).ToList(), task.LabelColumn, task.Regression,
            speakersKnown: task.Records.Any(r => r.Speaker.Length > 0));

    /// <summary>The TorchSharp model of a section over <paramref name="reads"/>, writing the given score and predicted-label columns.</summary>
    public IEstimator<ITransformer> Torch(ModelSection model, Modalities reads, string score, string predicted)
    {
        switch (model.Options)
        {
            case AatOptions aat:
                var a = Trainer(aat, score, predicted);
                a.AudioColumnName = reads.HasFlag(Modalities.Audio) ? task.InputOf(Modalities.Audio).NetworkColumn : a.AudioColumnName;
                a.TextColumnName = "TextTokens";
                a.Modalities = reads;
                return ml.Msa().Trainers.Aat(a);
            case OteOptions ote:
                var o = Trainer(ote, score, predicted);
                o.ImageColumnName = reads.HasFlag(Modalities.Image) ? task.InputOf(Modalities.Image).NetworkColumn : o.ImageColumnName;
                o.TextColumnName = "TextTokens";
                o.Modalities = reads;
                return ml.Msa().Trainers.Ote(o);
            case FusionHeadOptions head:
                var h = Trainer(head, score, predicted);
                h.Head = TaskModels.Parse(model.Name, task.Declared).Shape == ModelShape.TensorFusion ? FusionHead.TensorFusion : FusionHead.CrossModalAttention;
                h.Inputs = reads.Members().Select(m => new FusionHeadInput { Modality = m, ColumnName = task.InputOf(m).SequenceColumn }).ToList();
                return ml.Msa().Trainers.FusionHead(h);
            case ComposedOptions composed:
                var c = Trainer(composed, score, predicted);
                foreach (var encoder in c.Encoders) encoder.ColumnName = ColumnOf(encoder);
                return ml.Msa().Trainers.Composed(c);
            default:
                throw new InvalidOperationException($"model '{model.Name}' has no trainer options; it is a pooled or late-fusion model.");
        }
    }

    /// <summary>The feature column a composed encoder reads: the pixels for an image network, else its modality's sequence column.</summary>
    private string ColumnOf(EncoderOptions encoder)
    {
        var input = task.InputOf(encoder.Modality);
        if (encoder is ImageEncoderOptions or PretrainedImageEncoderOptions) return input.NetworkColumn;
        if (encoder is WordEmbeddingOptions or PretrainedTextEncoderOptions)
            return input.TokenIdsColumn ?? throw new InvalidOperationException($"Task '{task.Name}' computes no token ids; build it from the configuration of the model that reads them.");
        return input.SequenceColumn;
    }

    /// <summary>Whether a model has an encoder that reads WordPiece token ids (the task then computes them).</summary>
    public static bool ReadsTokenIds(ModelSection model) =>
        model.Options is ComposedOptions composed && composed.Encoders.Any(e => e is WordEmbeddingOptions or PretrainedTextEncoderOptions);

    private T Trainer<T>(T options, string score, string predicted) where T : TorchTrainerOptions
    {
        var o = ConfiguredTask.Clone(options);
        o.LabelColumnName = task.LabelColumn;
        if (task.Regression) o.OutputKind = TorchOutputKind.Regression;
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
}
