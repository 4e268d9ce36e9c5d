using System.Text.Json.Nodes;
using Microsoft.ML;

namespace MsaMl.Transforms.Core;

/// <summary>Re-creates one kind of saved MsaMl stage from its options and artifacts; declared with <see cref="SavedStageAttribute"/>.</summary>
public interface ISavedStageLoader
{
    /// <summary>The stage kind it re-creates (the transformer's <see cref="IMsaTransformer.Kind"/>).</summary>
    string Kind { get; }

    /// <summary>The newest format of this stage's options and artifacts it reads, written into each saved stage; older formats still load.</summary>
    int FormatVersion { get; }

    /// <summary>Re-creates the stage.</summary>
    ITransformer Load(JsonNode options, IReadOnlyDictionary<string, byte[]> artifacts);
}
