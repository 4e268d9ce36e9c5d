using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Scoring;
using MsaMl.Transforms.Core;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Base of MsaMl's TorchSharp trainers: reads the feature and label columns, builds the network
/// (with one output per class, or one scalar output for <see cref="TorchOutputKind.Regression"/>),
/// runs <see cref="TrainingLoop"/> and returns a <see cref="TorchScoringTransformer"/>.
/// </summary>
public abstract class TorchTrainer<TOptions> : ITorchTrainer
    where TOptions : TorchTrainerOptions
{
    private readonly MLContext _context;

    protected TorchTrainer(MLContext context, TOptions options)
    {
        _context = context;
        Options = TransformFactory.Clone(options);
        Options.Validate();
    }

    public TOptions Options { get; }

    /// <summary>Receives a report after every epoch.</summary>
    public IProgress<EpochReport>? Progress { get; set; }

    /// <summary>Receives a report after every training batch.</summary>
    public IProgress<BatchReport>? BatchProgress { get; set; }

    /// <summary>Receives a line when a phase without batches of its own starts (reading the features, batch-norm recalibration).</summary>
    public IProgress<string>? StageProgress { get; set; }

    /// <summary>Cancels training between batches.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>The learning curve of the last <see cref="Fit(IDataView)"/>.</summary>
    public TrainingReport? LastReport { get; private set; }

    /// <summary>The kind under which the model bundle saves this trainer's models.</summary>
    protected internal abstract string Kind { get; }

    /// <summary>The model these options describe, as encoders -> fusion -> head.</summary>
    protected internal abstract ModelComposition Compose(TOptions options);

    /// <summary>The modalities the model reads (one encoder each).</summary>
    public Modalities Reads => Compose(Options).Reads;

    /// <summary>The feature columns the network reads, in input order.</summary>
    private string[] FeatureColumns(TOptions options) => Compose(options).Columns;

    /// <summary>The network to train (with the encoders' pretrained starting weights); <paramref name="classes"/> is the width of its last layer (1 for regression).</summary>
    private nn.Module<Tensor[], Tensor> CreateNetwork(TOptions options, int[][] rowShapes, int classes) => Compose(options).BuildForTraining(rowShapes, classes);

    public TorchScoringTransformer Fit(IDataView input) => Fit(input, null);

    /// <summary>Trains on <paramref name="train"/>; with <paramref name="validation"/>, reports validation accuracy and enables early stopping.</summary>
    public TorchScoringTransformer Fit(IDataView train, IDataView? validation)
    {
        var host = ((IHostEnvironment)_context).Register(Kind);
        int seed = Options.Seed ?? host.Rand.Next();
        bool regression = Options.OutputKind == TorchOutputKind.Regression;
        var classNames = regression ? Array.Empty<string>() : FeatureReader.ClassNames(train.Schema, Options.LabelColumnName);
        int outputs = regression ? 1 : classNames.Length;
        var columns = FeatureColumns(Options);
        if (validation != null && !regression)
        {
            var validationClasses = FeatureReader.ClassNames(validation.Schema, Options.LabelColumnName);
            if (!validationClasses.SequenceEqual(classNames))
                throw new ArgumentException($"Label column '{Options.LabelColumnName}': the validation data has classes [{string.Join(", ", validationClasses)}] but the training data [{string.Join(", ", classNames)}]; map both with the same MapValueToKey transformer.");
        }
        long budget = FeatureMemory.BudgetBytes(Options);
        long featureBytes = FeatureMemory.Bytes(train, columns) + (validation != null ? FeatureMemory.Bytes(validation, columns) : 0);
        bool stream = Options.StreamTrainingData || featureBytes > budget
            || !FeatureMemory.FitsArrays(train, columns) || (validation != null && !FeatureMemory.FitsArrays(validation, columns));
        StageProgress?.Report(stream
            ? $"streaming {featureBytes >> 20:N0} MiB of features from the data view each epoch (memory budget {budget >> 20:N0} MiB)"
            : $"reading {featureBytes >> 20:N0} MiB of features into memory (memory budget {budget >> 20:N0} MiB)");
        IBatchSource Source(IDataView data) => stream
            ? new DataViewBatchSource(data, columns, Options.LabelColumnName, regression, budget)
            : FeatureReader.Read(data, columns, Options.LabelColumnName, regression);
        var trainData = Source(train);
        var validationData = validation != null ? Source(validation) : null;
        // Reading the features leaves the loaders' decoded blocks behind as garbage, as much again
        // as the features at IEMOCAP size; collect it before the network's allocations sit on top.
        if (!stream) GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        int[][] shapes = columns.Select(c => FeatureReader.RowShape(train.Schema, c)).ToArray();

        var device = TorchDevices.Select(_context);
        using var channel = host.Start("Training");
        channel.Info(MessageSensitivity.None, stream
            ? $"Streaming {featureBytes >> 20} MiB of features from the data view each epoch (budget {budget >> 20} MiB)."
            : $"Holding {featureBytes >> 20} MiB of features in memory (budget {budget >> 20} MiB).");
        random.manual_seed(seed);
        var network = CreateNetwork(Options, shapes, outputs);
        LastReport = TrainingLoop.Run(network, trainData, validationData, Options, classNames.Length, seed, device,
            Progress, message => channel.Info(MessageSensitivity.None, message), Cancellation, BatchProgress, StageProgress) with { FeatureBytes = featureBytes, Streamed = stream };

        var spec = new TorchModelSpec(columns, shapes, classNames, Options.ScoreColumnName, Options.PredictedLabelColumnName,
            Options.BinaryScoreColumnName, Options.BinaryPredictedLabelColumnName, regression);
        return new TorchScoringTransformer(Kind, JsonSerializer.SerializeToNode(Options, TransformFactory.Json)!, spec, network, device);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var schema = SchemaChecks.ToSchema(inputSchema);
        foreach (string column in FeatureColumns(Options))
            if (schema.GetColumnOrNull(column) == null)
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Feature column '{column}' not found in the input schema.");
        var label = schema.GetColumnOrNull(Options.LabelColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Label column '{Options.LabelColumnName}' not found in the input schema.");
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(schema);
        if (Options.OutputKind == TorchOutputKind.Regression)
        {
            if (label.Type != NumberDataViewType.Single)
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Label column '{Options.LabelColumnName}': a regression model expects Single, found {label.Type}.");
            var score = RegressionColumns.Create(Options.ScoreColumnName);
            builder.AddColumn(score.Name, score.Type, score.Annotations);
            return SchemaChecks.ShapeOf(builder.ToSchema());
        }
        if (label.Type is not KeyDataViewType)
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Label column '{Options.LabelColumnName}': expected a key type (use MapValueToKey), found {label.Type}.");
        foreach (var column in ClassificationColumns.Create(Options.ScoreColumnName, Options.PredictedLabelColumnName, new[] { "1", "2" }))
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        return SchemaChecks.ShapeOf(builder.ToSchema());
    }
}
