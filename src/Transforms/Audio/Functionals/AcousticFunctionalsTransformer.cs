using System.Text.Json.Nodes;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>
/// WAV path -> the utterance's <see cref="AcousticFunctionals"/> (one value per name in
/// <see cref="AcousticFunctionals.Names"/>), for classic trainers and per-speaker standardization.
/// An empty path gives all zeros (a missing recording); an unreadable file throws
/// <see cref="MsaInputException"/> naming the row and file.
/// </summary>
public sealed class AcousticFunctionalsTransformer : FeaturizingTransformer
{
    public const string KindName = "MsaMl.AcousticFunctionals";

    private readonly AcousticFunctionalsOptions _options;

    public AcousticFunctionalsTransformer(AcousticFunctionalsOptions options)
        : base(options.InputColumnName, OutputColumnsOf(options))
    {
        options.Validate();
        _options = TransformFactory.Clone(options);
        Progress = options.Progress;
    }

    internal static FeatureColumn[] OutputColumnsOf(AcousticFunctionalsOptions options) =>
        [new FeatureColumn(options.OutputColumnName, "functional", AcousticFunctionals.Names.Count)];

    public override string Kind => KindName;

    /// <summary>A copy of the options.</summary>
    public AcousticFunctionalsOptions Options => TransformFactory.Clone(_options);

    public override JsonNode SaveOptions() => TransformFactory.ToJson(_options);

    protected internal override int BatchSize => _options.BatchSize;

    protected internal override Featurizer CreateFeaturizer() => new FunctionalsFeaturizer(_options);

    private sealed class FunctionalsFeaturizer(AcousticFunctionalsOptions options) : Featurizer
    {
        private readonly ParallelRows<Worker> _rows = new(() => new Worker(options), options.MaxThreads);
        private readonly int _size = AcousticFunctionals.Names.Count;

        public override void Featurize(IReadOnlyList<FeaturizerInput> batch, float[][] outputs) =>
            _rows.Run(batch.Count, (i, worker) => worker.Featurize(batch[i], outputs[0].AsSpan(i * _size, _size)));
    }

    private sealed class Worker(AcousticFunctionalsOptions options)
    {
        private readonly AudioFileLoader _loader = new(options.InputColumnName, options.BaseFolder, options.SampleRate, options.Limits);
        private readonly FunctionalsAnalyzer _analyzer = new(options);

        public void Featurize(FeaturizerInput input, Span<float> output)
        {
            if (_loader.TryLoad(input, out var samples)) _analyzer.Compute(samples, output);
        }
    }
}
