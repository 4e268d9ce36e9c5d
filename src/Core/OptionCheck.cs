using System.Globalization;

namespace MsaMl;

/// <summary>
/// The one way an options class refuses a value: an <see cref="OptionOutOfRangeException"/> whose
/// parameter is the property and whose one-line message starts with its name ("Epochs: expected at
/// least 1, found 0."), so a library caller and the CLI's configuration (which reports it under the
/// key path) read the same words.
/// </summary>
public static class OptionCheck
{
    /// <exception cref="OptionOutOfRangeException"><paramref name="ok"/> is false.</exception>
    public static void Require(bool ok, string property, object? actual, string expected)
    {
        if (!ok) throw new OptionOutOfRangeException(property, actual, expected);
    }

    /// <summary>A probability from 0 to 1, 1 excluded.</summary>
    public static void Dropout(double value, string property) =>
        Require(value is >= 0 and < 1, property, value, "expected a probability from 0 to 1 (exclusive)");

    /// <summary>A value as refusals show it: null, a quoted string, true/false, numbers in the invariant culture.</summary>
    public static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A count of at least one.</summary>
    public static void Positive(int value, string property) => Require(value >= 1, property, value, "expected at least 1");
}
