using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Scoring;

/// <summary>
/// A trained MsaMl network as an ML.NET transformer: reads its feature columns and appends
/// <c>Score</c> (class probabilities, slot names = class names) and <c>PredictedLabel</c> (a key
/// with the label's key values), so ML.NET's evaluators and MapKeyToValue work unchanged; a
/// regression model appends only <c>Score</c>, a Single, as ML.NET's regression trainers do.
/// </summary>
public sealed class TorchScoringTransformer : RowMappingTransformer
{
    private readonly nn.Module<Tensor[], Tensor> _model;
    private readonly Device _device;
    private readonly long[][] _batchOfOneShapes;   // [1, ..row shape] per input, made once rather than per scored row
    private readonly object _gate = new();

    internal TorchScoringTransformer(string kind, JsonNode trainerOptions, TorchModelSpec spec, nn.Module<Tensor[], Tensor> model, Device device)
    {
        Kind = kind;
        TrainerOptions = trainerOptions;
        Spec = spec;
        _model = model;
        _device = device;
        _batchOfOneShapes = spec.RowShapes.Select(r => r.Select(d => (long)d).Prepend(1L).ToArray()).ToArray();
        _model.eval();
        OutputColumnNames = spec.Regression ? new[] { spec.ScoreColumn }
            : IsBinary ? new[] { spec.ScoreColumn, spec.PredictedLabelColumn, spec.BinaryScoreColumn!, spec.BinaryPredictedLabelColumn! }
            : new[] { spec.ScoreColumn, spec.PredictedLabelColumn };
    }

    public override string Kind { get; }

    /// <summary>The trainer options the network was built and trained with.</summary>
    public JsonNode TrainerOptions { get; }

    /// <summary>Feature columns, their shapes, classes and output column names.</summary>
    public TorchModelSpec Spec { get; }
    public IReadOnlyList<string> FeatureColumns => Spec.FeatureColumns;
    public string[] ClassNames => Spec.ClassNames;

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount
    {
        get
        {
            lock (_gate) return _model.parameters().Sum(p => p.numel());
        }
    }

    /// <summary>The network's outputs, by their own forward pass under the scoring lock (for benchmarks and tests).</summary>
    internal Tensor Forward(Tensor[] inputs)
    {
        lock (_gate)
        {
            using var noGrad = no_grad();
            return _model.forward(inputs);
        }
    }

    /// <summary>The names of the output columns, in the order <see cref="GetOutputColumns"/> declares them.</summary>
    internal IReadOnlyList<string> OutputColumnNames { get; }

    public override IReadOnlyList<string> InputColumnNames => Spec.FeatureColumns;

    protected override IReadOnlyList<OutputColumn> GetOutputColumns(DataViewSchema inputSchema)
    {
        for (int i = 0; i < Spec.FeatureColumns.Length; i++)
        {
            var expected = Spec.RowShapes[i];
            var actual = Training.FeatureReader.RowShape(inputSchema, Spec.FeatureColumns[i]);
            if (actual.Aggregate(1, (a, b) => a * b) != expected.Aggregate(1, (a, b) => a * b))
                throw new ArgumentOutOfRangeException(nameof(inputSchema),
                    $"Feature column '{Spec.FeatureColumns[i]}': expected shape [{string.Join(", ", expected)}], found [{string.Join(", ", actual)}].");
        }
        if (Spec.Regression) return new[] { RegressionColumns.Create(Spec.ScoreColumn) };
        var outputs = ClassificationColumns.Create(Spec.ScoreColumn, Spec.PredictedLabelColumn, Spec.ClassNames).ToList();
        if (IsBinary)
        {
            outputs.Add(new OutputColumn(Spec.BinaryScoreColumn!, NumberDataViewType.Single));
            outputs.Add(new OutputColumn(Spec.BinaryPredictedLabelColumn!, BooleanDataViewType.Instance));
        }
        return outputs;
    }

    /// <summary>
    /// Two classes and binary column names given: the model also writes a scalar score
    /// (log-odds of the second class) and a Boolean prediction, the columns ML.NET's
    /// <c>BinaryClassification.EvaluateNonCalibrated</c> reads (with a Boolean label column).
    /// </summary>
    public bool IsBinary => !Spec.Regression && Spec.ClassNames.Length == 2 && Spec.BinaryScoreColumn != null && Spec.BinaryPredictedLabelColumn != null;

    protected override RowMapper CreateRowMapper(DataViewRow input) => new RowScorer(this, input);

    /// <summary>Class probabilities of one row (regression: the one predicted value).</summary>
    internal void ScoreRow(float[][] features, float[] scores)
    {
        lock (_gate)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var inputs = new Tensor[features.Length];
            for (int i = 0; i < features.Length; i++)
                inputs[i] = tensor(features[i], _batchOfOneShapes[i]).to(_device);
            var output = _model.forward(inputs);
            var values = (Spec.Regression ? output : output.softmax(1)).cpu();
            values.data<float>().CopyTo(scores, 0);
        }
    }

    public override JsonNode SaveOptions() => new JsonObject
    {
        ["trainerOptions"] = TrainerOptions.DeepClone(),
        ["spec"] = JsonSerializer.SerializeToNode(Spec),
        ["networkLayout"] = TorchModelLayout.Current,
    };

    public override IReadOnlyDictionary<string, byte[]> SaveArtifacts()
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            lock (_gate) _model.save(writer);
        }
        return new Dictionary<string, byte[]> { ["weights.bin"] = memory.ToArray() };
    }
}
