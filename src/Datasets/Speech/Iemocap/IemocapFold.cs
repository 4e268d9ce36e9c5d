using Microsoft.ML;

namespace MsaMl.Datasets.Speech;

/// <summary>One fold of leave-one-session-out cross-validation: the held-out session and the rows on each side.</summary>
public sealed record IemocapFold(int TestSession, IReadOnlyList<IemocapRecord> Train, IReadOnlyList<IemocapRecord> Test)
{
    /// <summary>The training rows as an IDataView.</summary>
    public IDataView TrainData(MLContext context) => context.Data.LoadFromEnumerable(Train);

    /// <summary>The test rows as an IDataView.</summary>
    public IDataView TestData(MLContext context) => context.Data.LoadFromEnumerable(Test);
}
