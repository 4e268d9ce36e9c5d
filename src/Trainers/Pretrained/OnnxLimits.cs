namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// Bounds <see cref="OnnxModelReader"/> checks before it trusts a file: its size, how many
/// nodes and tensors it declares, and each tensor's element count (which must also match its
/// data exactly).
/// </summary>
public sealed record OnnxLimits
{
    /// <summary>At most this many bytes in the file (default 2 GiB less one byte, protobuf's own limit).</summary>
    public long MaxFileBytes { get; init; } = int.MaxValue;

    /// <summary>At most this many tensors (initializers and Constant values together).</summary>
    public int MaxTensors { get; init; } = 100_000;

    /// <summary>At most this many nodes in the graph.</summary>
    public int MaxNodes { get; init; } = 1_000_000;

    /// <summary>At most this many elements in one tensor.</summary>
    public long MaxTensorElements { get; init; } = 1L << 29;

    /// <summary>At most this many dimensions in one tensor.</summary>
    public int MaxTensorRank { get; init; } = 8;

    public static OnnxLimits Default { get; } = new();
}
