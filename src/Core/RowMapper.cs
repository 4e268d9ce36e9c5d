namespace MsaMl.Transforms.Core;

/// <summary>
/// Computes the output values of one row. One instance per cursor or per row mapper, created on
/// the input row it reads; never shared between threads.
/// </summary>
public abstract class RowMapper
{
    /// <summary>The getter of output column <paramref name="output"/> (index into the transformer's outputs).</summary>
    public abstract Delegate GetGetter(int output);
}
