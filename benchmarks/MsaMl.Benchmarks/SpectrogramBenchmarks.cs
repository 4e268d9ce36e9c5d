using BenchmarkDotNet.Attributes;
using MsaMl.Transforms.Audio;
using NWaves.Transforms;
using NWaves.Windows;

namespace MsaMl.Benchmarks;

/// <summary>
/// Seconds of 16 kHz audio turned into a [3, 257, 1000] log spectrogram per second, on one core;
/// the baseline is NWaves' bare STFT power spectrogram of the same 10 s.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class SpectrogramBenchmarks
{
    private float[] _audio = Array.Empty<float>();
    private SpectrogramComputer _computer = null!;
    private Stft _stft = null!;
    private float[] _output = Array.Empty<float>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _audio = Enumerable.Range(0, 10 * 16000).Select(i => (float)(0.3 * Math.Sin(i * 0.05) + 0.1 * (random.NextDouble() - 0.5))).ToArray();
        var options = new LogSpectrogramOptions { TimeFrames = 1000 };
        _computer = new SpectrogramComputer(options);
        _stft = new Stft(320, 160, WindowType.Hann, 512);
        _output = new float[3 * 257 * 1000];
    }

    [Benchmark(Baseline = true, Description = "NWaves STFT only, 10 s")]
    public int BareStft() => _stft.Spectrogram(_audio, false).Count;

    [Benchmark(Description = "LogSpectrogram (log + deltas), 10 s")]
    public int LogSpectrogram()
    {
        Array.Clear(_output);
        return _computer.Compute(_audio, _output);
    }
}
