using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Batch tensors filled in place: a float32 tensor allocated by libtorch on the CPU and written
/// through a span over its storage. <c>torch.tensor(float[])</c> instead pins a fresh managed array
/// per batch until libtorch frees the tensor, so every batch left megabytes of large-object-heap
/// garbage behind (hundreds of MB between collections at IEMOCAP size).
/// </summary>
internal static class HostTensors
{
    /// <summary>A new, uninitialized float32 CPU tensor of <paramref name="shape"/>.</summary>
    public static Tensor Float32(long[] shape) => empty(shape, ScalarType.Float32);

    /// <summary>The values of a contiguous float32 CPU tensor, writable in place.</summary>
    public static Span<float> Values(Tensor tensor) => MemoryMarshal.Cast<byte, float>(tensor.bytes);

    /// <summary>The rows of a row-major <paramref name="values"/> table at <paramref name="rows"/>, as a [rows.Length, ..rowShape] tensor.</summary>
    public static Tensor Gather(ReadOnlySpan<float> values, ReadOnlySpan<int> rows, int[] rowShape)
    {
        var batch = Float32(BatchShape(rows.Length, rowShape));
        var target = Values(batch);
        int size = target.Length / Math.Max(rows.Length, 1);
        for (int i = 0; i < rows.Length; i++) values.Slice(rows[i] * size, size).CopyTo(target.Slice(i * size, size));
        return batch;
    }

    /// <summary>The first <paramref name="count"/> rows of a row-major <paramref name="values"/> buffer, as a [count, ..rowShape] tensor.</summary>
    public static Tensor Copy(ReadOnlySpan<float> values, int count, int[] rowShape)
    {
        var batch = Float32(BatchShape(count, rowShape));
        var target = Values(batch);
        values.Slice(0, target.Length).CopyTo(target);
        return batch;
    }

    private static long[] BatchShape(int rows, int[] rowShape)
    {
        long[] shape = new long[rowShape.Length + 1];
        shape[0] = rows;
        for (int d = 0; d < rowShape.Length; d++) shape[d + 1] = rowShape[d];
        return shape;
    }
}
