using System.Collections.Concurrent;
using TorchSharp;

namespace MsaMl.Trainers.Training;

/// <summary>
/// The only place MsaMl makes TorchSharp <see cref="Scalar"/>s. TorchSharp 0.107 hands libtorch a
/// Scalar's raw handle, and a temporary Scalar can be finalized while libtorch still reads it
/// (a segfault or "toFloat" error under load), so every Scalar MsaMl passes is one of these
/// cached constants, alive for the whole process. Values that change per step are passed as
/// 0-dim tensors instead. A test (ScalarLifetimeTests) rejects any other Scalar in product code.
/// </summary>
internal static class TorchScalars
{
    private static readonly ConcurrentDictionary<double, Scalar> Cache = new();

    /// <summary>A process-lifetime Scalar holding <paramref name="value"/> (as a double; libtorch converts as needed).</summary>
    public static Scalar Of(double value) => Cache.GetOrAdd(value, static v => v.ToScalar());

    public static Scalar One => Of(1);
    public static Scalar MinusOne => Of(-1);

    /// <summary>An integral 1, for integer tensors (libtorch refuses a floating-point alpha on them).</summary>
    public static Scalar OneInteger { get; } = 1L.ToScalar();
}
