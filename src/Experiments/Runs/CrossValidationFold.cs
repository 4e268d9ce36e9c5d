namespace MsaMl.Experiments;

/// <summary>One fold of a cross-validation: what to train on and what to test on, named by its test key (e.g. the held-out session).</summary>
/// <param name="TestKey">Names the held-out part, e.g. "Ses01".</param>
/// <param name="Train">The training data (an <see cref="Microsoft.ML.IDataView"/> or a list of records).</param>
/// <param name="Test">The test data.</param>
public sealed record CrossValidationFold<TData>(string TestKey, TData Train, TData Test);
