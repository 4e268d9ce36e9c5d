using Microsoft.ML;

namespace MsaMl;

/// <summary>
/// MsaMl's entry point on an <see cref="MLContext"/>. Each MsaMl assembly adds its part as an
/// extension property: <c>Transforms</c> (MsaMl.Transforms), <c>Trainers</c> (MsaMl.Trainers),
/// <c>Model</c> and <c>Evaluation</c> (MsaMl.Pipelines).
/// </summary>
public sealed class MsaCatalog
{
    internal MsaCatalog(MLContext context) => Context = context;

    public MLContext Context { get; }
}
