namespace MsaMl.Trainers.Pretrained;

/// <summary>Which GELU the graph computes between the intermediate and output dense layers.</summary>
public enum GeluKind
{
    /// <summary>x * Φ(x) with the error function (BERT's and torch's default).</summary>
    Erf,

    /// <summary>The tanh approximation.</summary>
    Tanh,
}
