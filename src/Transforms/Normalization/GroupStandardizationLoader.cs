using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Normalization;

/// <summary>Re-creates a <see cref="GroupStandardizationTransformer"/> from a model bundle: its options and its statistics artifact.</summary>
internal sealed class GroupStandardizationLoader : ISavedStageLoader
{
    public string Kind => GroupStandardizationTransformer.KindName;

    public int FormatVersion => 1;

    public ITransformer Load(JsonNode options, IReadOnlyDictionary<string, byte[]> artifacts)
    {
        var parsed = options.Deserialize<GroupStandardizationOptions>(TransformFactory.Json)
            ?? throw new InvalidDataException($"Stage '{Kind}': its options are empty.");
        if (!artifacts.TryGetValue(GroupStandardizationTransformer.StatisticsArtifact, out var bytes))
            throw new InvalidDataException($"Stage '{Kind}': the bundle has no '{GroupStandardizationTransformer.StatisticsArtifact}' artifact.");
        return new GroupStandardizationTransformer(parsed, GroupStatisticsTable.FromBytes(bytes, $"stage '{Kind}'"));
    }
}
