using Microsoft.ML;

namespace MsaMl.Datasets;

/// <summary>
/// The training-time mapping of text labels to keys, in a fixed class order (key 1 is the first
/// class). It is fitted before the featurizers and never saved in a bundle: the trained model
/// carries its class names, so scoring needs no label column. Evaluating a saved model maps the
/// labels with the model's class names, in the model's order.
/// </summary>
public static class LabelKeys
{
    private sealed class LabelRow { public string Label { get; set; } = ""; }

    /// <summary>Maps the text column <paramref name="column"/> to keys of <paramref name="classes"/>, in that order.</summary>
    public static IEstimator<ITransformer> Mapping(MLContext ml, IEnumerable<string> classes, string column = "Label") =>
        ml.Transforms.Conversion.MapValueToKey(column, keyData: ml.Data.LoadFromEnumerable(classes.Select(c => new LabelRow { Label = c }).ToList()));

    /// <summary><paramref name="data"/> with its text labels mapped to keys of <paramref name="classes"/>, in that order.</summary>
    public static IDataView Apply(MLContext ml, IEnumerable<string> classes, IDataView data, string column = "Label") =>
        Mapping(ml, classes, column).Fit(data).Transform(data);
}
