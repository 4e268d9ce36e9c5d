namespace MsaMl.Experiments.Configuration;

/// <summary>A configuration key holds something it cannot: an unknown key, a value of the wrong type or an impossible value. The message names the key path, the value and what is allowed.</summary>
public sealed class ExperimentConfigException : ArgumentException
{
    /// <summary>Creates the error for a key.</summary>
    /// <param name="keyPath">The key path, e.g. <c>model.epochs</c>.</param>
    /// <param name="value">The offending value as the configuration wrote it.</param>
    /// <param name="allowed">What the key allows.</param>
    public ExperimentConfigException(string keyPath, string value, string allowed)
        : base($"config key '{keyPath}': {value} is not allowed; {allowed}.")
    {
        KeyPath = keyPath;
    }

    /// <summary>The key path, e.g. <c>model.epochs</c>.</summary>
    public string KeyPath { get; }
}
