using System.Diagnostics;
using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;

namespace MsaMl.Trainers.Native;

/// <summary>
/// libtorch settings MsaMl needs on the CPU, which TorchSharp 0.107 does not expose:
/// <list type="bullet">
/// <item>Native convolutions while a network with a convolution of an unsafe width trains.
/// libtorch 2.10's oneDNN (MKL-DNN) path computes the input gradient of a convolution wrongly
/// when its output channel count is not a multiple of the CPU's vector block (16 floats with
/// AVX-512, 8 with AVX2): it reads the padding of its blocked layout, which nobody wrote, so the
/// gradient is off by garbage, or NaN when the garbage is NaN. With AVX-512 an 8-channel layer
/// already hits it (models trained to NaN, differently run to run); the paper's 516-channel image
/// CNN hits it on every x64 CPU. libtorch's native convolution (im2col and BLAS) computes the same
/// function correctly but 3-6x slower on the audio CNNs, so oneDNN stays on for everything else
/// (forward passes, weight gradients and networks whose widths are multiples of 16 are right).
/// <c>ConvolutionGradientTests</c> checks both.</item>
/// <item>libtorch's own log (c10 <c>LOG</c>) at errors only, unless <see cref="NativeWarnings"/>: on
/// CPUs NNPACK does not support, every convolution prints "Could not initialize NNPACK!".</item>
/// </list>
/// Only on Linux x64, where the symbols are known; elsewhere <see cref="Status"/> says what was left.
/// </summary>
public static class LibTorchCpuSettings
{
    private const int LogLevelWarning = 1, LogLevelError = 2;
    private static readonly object Gate = new();
    private static bool _applied;
    private static IntPtr _logLevel, _globalContext, _setOneDnn, _oneDnnEnabled;
    private static bool _nativeWarnings;

    /// <summary>What <see cref="Apply"/> did, one line.</summary>
    public static string Status { get; private set; } = "not applied";

    /// <summary>The width (output channels) oneDNN's blocked layouts need no padding for, on every x64 ISA.</summary>
    public const int SafeOneDnnWidth = 16;
    private static int _nativeConvolutionUsers;

    /// <summary>
    /// Let libtorch's native warnings through (for example NNPACK's on unsupported CPUs). Off by
    /// default; <c>msa --verbose</c> turns it on.
    /// </summary>
    public static bool NativeWarnings
    {
        get => _nativeWarnings;
        set
        {
            lock (Gate)
            {
                _nativeWarnings = value;
                if (_logLevel != IntPtr.Zero) Marshal.WriteInt32(_logLevel, value ? LogLevelWarning : LogLevelError);
            }
        }
    }

    /// <summary>True when libtorch's oneDNN switch was found (Linux x64), so unsafe widths can be routed around it.</summary>
    public static bool CanSwitchOneDnn => _setOneDnn != IntPtr.Zero;

    /// <summary>
    /// Native convolutions for as long as the returned scope lives, when <paramref name="network"/>
    /// has a convolution whose output width is not a multiple of <see cref="SafeOneDnnWidth"/> (or a
    /// transposed one) and runs on the CPU; otherwise an empty scope. Scopes nest and may overlap
    /// across threads: oneDNN comes back when the last one closes.
    /// </summary>
    public static IDisposable NativeConvolutionsFor(torch.nn.Module network, torch.Device device)
    {
        Apply();
        if (device.type != DeviceType.CPU || !CanSwitchOneDnn || !HasUnsafeConvolution(network)) return NoScope.Instance;
        lock (Gate)
        {
            if (_nativeConvolutionUsers++ == 0) SetOneDnnConvolutions(false);
        }
        return new NativeConvolutionScope();
    }

    /// <summary>True when <paramref name="network"/> has a convolution oneDNN gets wrong gradients for.</summary>
    public static bool HasUnsafeConvolution(torch.nn.Module network) =>
        network.modules().Prepend(network).OfType<Convolution>().Any(c => c.transposed || c.out_channels % SafeOneDnnWidth != 0);

    private sealed class NativeConvolutionScope : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0) return;
            lock (Gate)
            {
                if (--_nativeConvolutionUsers == 0) SetOneDnnConvolutions(true);
            }
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();
        public void Dispose() { }
    }

    /// <summary>Loads libtorch when needed and finds its switches once per process; never throws.</summary>
    public static void Apply()
    {
        lock (Gate)
        {
            if (_applied) return;
            _applied = true;
            try
            {
                Status = Run();
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or InvalidOperationException)
            {
                Status = $"libtorch settings not applied: {ex.Message}";
            }
            Trace.WriteLine("MsaMl: " + Status);
        }
    }

    private static string Run()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return "not Linux x64; libtorch settings left as they are";
        _ = torch.__version__; // makes TorchSharp load libtorch, so the handles below are the ones it uses
        var torchAssembly = typeof(torch).Assembly;
        if (!NativeLibrary.TryLoad("libtorch_cpu.so", torchAssembly, null, out var torchCpu))
            return "libtorch_cpu.so not found; libtorch settings left as they are";
        var parts = new List<string>();
        if (NativeLibrary.TryGetExport(torchCpu, "_ZN2at13globalContextEv", out _globalContext)
            && NativeLibrary.TryGetExport(torchCpu, "_ZN2at7Context20setUserEnabledMkldnnEb", out _setOneDnn)
            && NativeLibrary.TryGetExport(torchCpu, "_ZNK2at7Context17userEnabledMkldnnEv", out _oneDnnEnabled))
        {
            parts.Add("oneDNN convolutions on, native while a network with an unsafe width trains");
        }
        else parts.Add("oneDNN switch not found in libtorch_cpu.so");

        if (NativeLibrary.TryLoad("libc10.so", torchAssembly, null, out var c10) && NativeLibrary.TryGetExport(c10, "FLAGS_caffe2_log_level", out _logLevel))
        {
            Marshal.WriteInt32(_logLevel, _nativeWarnings ? LogLevelWarning : LogLevelError);
            parts.Add(_nativeWarnings ? "native warnings shown" : "native warnings hidden");
        }
        else parts.Add("libtorch log level not found");
        return "libtorch: " + string.Join(", ", parts);
    }

    /// <summary>
    /// Turns libtorch's oneDNN convolutions on or off, process-wide (after <see cref="Apply"/>; for the
    /// tests and the benchmark that measures what turning them off costs).
    /// </summary>
    internal static unsafe void SetOneDnnConvolutions(bool enabled)
    {
        if (!CanSwitchOneDnn) throw new InvalidOperationException("The oneDNN switch was not found: " + Status);
        ((delegate* unmanaged<IntPtr, byte, void>)_setOneDnn)(((delegate* unmanaged<IntPtr>)_globalContext)(), enabled ? (byte)1 : (byte)0);
    }

    /// <summary>Whether libtorch's oneDNN convolutions are on now.</summary>
    internal static unsafe bool OneDnnConvolutionsOn =>
        CanSwitchOneDnn && ((delegate* unmanaged<IntPtr, byte>)_oneDnnEnabled)(((delegate* unmanaged<IntPtr>)_globalContext)()) != 0;
}
