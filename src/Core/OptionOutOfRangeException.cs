namespace MsaMl;

/// <summary>An option's value out of its range: the property (<see cref="ArgumentException.ParamName"/>), the value and what is allowed, in one line.</summary>
public sealed class OptionOutOfRangeException(string property, object? actual, string expected)
    : ArgumentOutOfRangeException(property, actual, expected)
{
    /// <summary>What the option allows ("expected at least 1").</summary>
    public string Expected { get; } = expected;

    /// <summary>The refused value as the message shows it.</summary>
    public string Shown => OptionCheck.Show(ActualValue);

    /// <inheritdoc/>
    public override string Message => $"{ParamName}: {Expected}, found {Shown}.";
}
