namespace MsaMl.Experiments.Tests;

/// <summary>Tests that read process-wide memory figures run alone, so other tests' allocations and collections do not blur them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemorySensitiveCollection
{
    public const string Name = "Memory-sensitive";
}
