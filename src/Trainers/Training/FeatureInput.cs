using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>One model input read from a feature column: row-major values and the shape of one row.</summary>
public sealed record FeatureInput(string Column, float[] Values, int[] RowShape)
{
    public int RowSize => RowShape.Aggregate(1, (a, b) => a * b);

    /// <summary>The rows <paramref name="rows"/> as a [rows.Length, ..RowShape] tensor on <paramref name="device"/>.</summary>
    public Tensor Batch(ReadOnlySpan<int> rows, Device device)
    {
        var batch = HostTensors.Gather(Values, rows, RowShape);
        return device.type == DeviceType.CPU ? batch : batch.to(device);
    }
}
