using Microsoft.ML;
using TorchSharp;

namespace MsaMl.Trainers.Training;

/// <summary>Device choice for MsaMl's TorchSharp trainers: CUDA when present and allowed, else CPU.</summary>
public static class TorchDevices
{
    /// <summary>Probes TorchSharp (loading libtorch on first use).</summary>
    public static TorchDeviceInfo Probe()
    {
        Ready();
        bool cuda = torch.cuda.is_available();
        return new TorchDeviceInfo(
            typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown",
            torch.__version__,
            cuda,
            cuda ? torch.cuda.device_count() : 0,
            cuda ? "cuda" : "cpu");
    }

    /// <summary>
    /// The device for an MLContext: the CUDA device <see cref="MLContext.GpuDeviceId"/> names (the
    /// index is honoured; CPU when CUDA is missing and <see cref="MLContext.FallbackToCpu"/>
    /// allows it); with no index, CUDA device 0 when present, else CPU (hide GPUs with
    /// CUDA_VISIBLE_DEVICES= to force the CPU).
    /// </summary>
    public static torch.Device Select(MLContext context)
    {
        Ready();
        if (context.GpuDeviceId is not int index) return Default();
        if (torch.cuda.is_available())
        {
            int count = torch.cuda.device_count();
            if (index < 0 || index >= count)
                throw new ArgumentOutOfRangeException(nameof(context), $"GpuDeviceId {index} requested but this machine has {count} CUDA device(s).");
            return torch.device(DeviceType.CUDA, index);
        }
        if (context.FallbackToCpu) return torch.CPU;
        throw new InvalidOperationException($"GpuDeviceId {index} requested, CUDA is not available and FallbackToCpu is false.");
    }

    /// <summary>CUDA device 0 when present, else CPU (for tools that have no MLContext).</summary>
    public static torch.Device Default()
    {
        Ready();
        return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
    }

    /// <summary>libtorch loadable and set up as MsaMl needs it (see <see cref="Native.LibTorchCpuSettings"/>); before any model runs.</summary>
    public static void Ready()
    {
        Native.LibTorchSharpCompatibility.ThrowIfUnloadable();
        Native.LibTorchCpuSettings.Apply();
    }
}
