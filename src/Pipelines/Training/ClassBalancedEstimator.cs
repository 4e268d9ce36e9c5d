using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Training;

namespace MsaMl.Pipelines.Training;

/// <summary>
/// Fits a trainer with every training row weighted by n / (K · n<sub>c</sub>) (n rows, K classes
/// present, n<sub>c</sub> rows of the row's class; <see cref="ClassBalance"/>, as the TorchSharp
/// trainers' balanced loss), so each class weighs the same in the loss however many rows it has:
/// what unweighted accuracy (UA), the speech corpora's headline metric, rewards.
/// The weights exist only while fitting; the fitted model is the trainer's own transformer, which
/// scores without a label and saves like the trainer alone.
/// </summary>
/// <typeparam name="TTransformer">The trainer's model.</typeparam>
public sealed class ClassBalancedEstimator<TTransformer> : IEstimator<TTransformer> where TTransformer : class, ITransformer
{
    /// <summary>The weight column's name while fitting.</summary>
    public const string WeightColumn = "ClassBalanceWeight";

    private readonly MLContext _ml;
    private readonly string _labelColumn;
    private readonly IEstimator<TTransformer> _trainer;

    /// <param name="ml">The context.</param>
    /// <param name="labelColumn">The label column: a key type (MapValueToKey).</param>
    /// <param name="trainer">Creates the trainer given the name of the example-weight column it must read.</param>
    public ClassBalancedEstimator(MLContext ml, string labelColumn, Func<string, IEstimator<TTransformer>> trainer)
    {
        _ml = ml ?? throw new ArgumentNullException(nameof(ml));
        _labelColumn = labelColumn ?? throw new ArgumentNullException(nameof(labelColumn));
        _trainer = (trainer ?? throw new ArgumentNullException(nameof(trainer)))(WeightColumn);
    }

    /// <inheritdoc/>
    public TTransformer Fit(IDataView input)
    {
        var label = input.Schema.GetColumnOrNull(_labelColumn)
            ?? throw new ArgumentOutOfRangeException(nameof(input), $"Label column '{_labelColumn}': not found.");
        if (label.Type is not KeyDataViewType key || key.RawType != typeof(uint))
            throw new ArgumentOutOfRangeException(nameof(input), $"Label column '{_labelColumn}': expected a UInt32 key type (use MapValueToKey), found {label.Type}.");
        float[] weights = ClassBalance.Weights(ClassBalance.KeyCounts(input, label, checked((int)key.Count)));
        var weighted = Weighting(key, weights).Fit(input).Transform(input);
        return _trainer.Fit(weighted);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var label = inputSchema.Where(c => c.Name == _labelColumn).Select(c => (SchemaShape.Column?)c).FirstOrDefault()
            ?? throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Label column '{_labelColumn}': not found.");
        if (!label.IsKey) throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Label column '{_labelColumn}': expected a key type (use MapValueToKey), found {label.ItemType}.");
        var withWeights = Weighting(new KeyDataViewType(typeof(uint), 1), [1f]).GetOutputSchema(inputSchema);
        return _trainer.GetOutputSchema(withWeights);
    }

    private IEstimator<ITransformer> Weighting(KeyDataViewType key, float[] weights)
    {
        var input = SchemaDefinition.Create(typeof(LabelKey));
        var labelColumn = input[nameof(LabelKey.Key)];
        labelColumn.ColumnName = _labelColumn;
        labelColumn.ColumnType = key;
        var output = SchemaDefinition.Create(typeof(RowWeight));
        output[nameof(RowWeight.Weight)].ColumnName = WeightColumn;
        return _ml.Transforms.CustomMapping<LabelKey, RowWeight>(
            (row, weight) => weight.Weight = row.Key > 0 && row.Key <= weights.Length ? weights[row.Key - 1] : 0f,
            contractName: null, input, output);
    }

    private sealed class LabelKey
    {
        public uint Key { get; set; }
    }

    private sealed class RowWeight
    {
        public float Weight { get; set; }
    }
}
