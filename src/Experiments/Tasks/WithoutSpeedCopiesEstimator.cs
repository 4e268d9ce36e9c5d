using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Datasets;

namespace MsaMl.Experiments;

/// <summary>
/// Fits the estimator it wraps on the original recordings alone: the training rows whose
/// <c>Id</c> marks a speed copy (<see cref="TrainingSpeedCopies.IsCopy"/>) are left out while
/// fitting, and the fitted model is the wrapped estimator's own transformer, so it scores every row.
/// </summary>
public sealed class WithoutSpeedCopiesEstimator(MLContext ml, IEstimator<ITransformer> inner) : IEstimator<ITransformer>
{
    /// <summary>The text column that holds each row's record id.</summary>
    public const string IdColumnName = nameof(MultimodalRecord.Id);

    public ITransformer Fit(IDataView input)
    {
        var column = input.Schema.GetColumnOrNull(IdColumnName);
        if (column is not { Type: TextDataViewType })
            throw new ArgumentOutOfRangeException(nameof(input), $"Column '{IdColumnName}': expected the record ids as text, to tell the speed copies from the originals; found {(column is null ? "no such column" : column.Value.Type.ToString())}.");
        return inner.Fit(ml.Data.FilterByCustomPredicate<IdRow>(input, row => TrainingSpeedCopies.IsCopy(row.Id)));
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);

    private sealed class IdRow
    {
        public string Id { get; set; } = "";
    }
}
