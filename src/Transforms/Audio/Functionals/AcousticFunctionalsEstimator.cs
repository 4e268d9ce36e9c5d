using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>Estimator of <see cref="AcousticFunctionalsTransformer"/>; nothing is learned.</summary>
public sealed class AcousticFunctionalsEstimator : FeaturizingEstimator<AcousticFunctionalsTransformer>
{
    private readonly AcousticFunctionalsOptions _options;

    public AcousticFunctionalsEstimator(AcousticFunctionalsOptions options)
        : base(options.InputColumnName, AcousticFunctionalsTransformer.OutputColumnsOf(options), options.Progress)
    {
        options.Validate();
        _options = TransformFactory.Clone(options);
    }

    public override AcousticFunctionalsTransformer Fit(Microsoft.ML.IDataView input)
    {
        SchemaChecks.RequireText(input.Schema, _options.InputColumnName, "Input");
        return WithProgress(new AcousticFunctionalsTransformer(_options));
    }
}
