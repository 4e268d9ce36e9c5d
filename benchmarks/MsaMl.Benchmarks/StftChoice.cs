using System.Diagnostics;
using System.Text;
using MsaMl.Transforms.Audio;
using NWaves.Transforms;
using NWaves.Windows;
using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Benchmarks;

/// <summary>
/// Which STFT the featurizer should use: the log power spectrogram (Hann 320, hop 160, 512-point
/// FFT, log(S + 1e-10)) of the same 16 kHz files, single-threaded, by (a) NWaves' Stft (a new array
/// per frame, the featurizer's former path), (b) NWaves' RealFft frame by frame with reused buffers,
/// (c) MsaMl's batched FFT (16 frames per SIMD pass; the featurizer's path now), (d) libtorch's
/// batched stft through TorchSharp (all files zero-padded into one [files, samples] tensor).
/// </summary>
internal static class StftChoice
{
    private static readonly Scalar Floor = 1e-10.ToScalar();

    public static string Report(IReadOnlyList<string> paths, int repeats)
    {
        var signals = paths.Select(p => WavReader.Read(p).Samples).ToList();
        var options = new LogSpectrogramOptions { MelBands = 0, Deltas = false, TimeFrames = signals.Max(s => s.Length) / 160 + 1 };
        var computer = new SpectrogramComputer(options);
        var output = new float[computer.Size];
        var stft = new Stft(320, 160, WindowType.Hann, 512);
        int threads = torch.get_num_threads();
        torch.set_num_threads(1);
        try
        {
            double nwavesStft = Best(repeats, () =>
            {
                foreach (var s in signals)
                    foreach (var frame in stft.Spectrogram(s, false))
                        for (int k = 0; k < frame.Length; k++) frame[k] = MathF.Log(frame[k] + 1e-10f);
            });
            var fft = new RealFft(512);
            var hann = Window.OfType(WindowType.Hann, 320);
            float[] frame = new float[512], re = new float[512], im = new float[512], log = new float[257];
            double nwavesReused = Best(repeats, () =>
            {
                foreach (var s in signals)
                    for (int start = 0; start + 320 <= s.Length; start += 160)
                    {
                        for (int i = 0; i < 320; i++) frame[i] = s[start + i] * hann[i];
                        fft.Direct(frame, re, im);
                        for (int k = 0; k < 257; k++) log[k] = MathF.Log(re[k] * re[k] + im[k] * im[k] + 1e-10f);
                    }
            });
            double batched = Best(repeats, () =>
            {
                foreach (var s in signals) computer.Compute(s, output);
            });
            double libtorch = Best(repeats, () => TorchStft(signals));
            var text = new StringBuilder();
            text.AppendLine($"STFT choice: log power spectrogram of the {signals.Count} 16 kHz files ({signals.Sum(s => s.Length) / 16000.0:F1} s of audio), one thread, best of {repeats}");
            text.AppendLine();
            text.AppendLine("| STFT | ms | time vs the featurizer's |");
            text.AppendLine("|---|---|---|");
            text.AppendLine($"| NWaves Stft.Spectrogram (array per frame; former path) | {1000 * nwavesStft:F1} | {nwavesStft / batched:F2} |");
            text.AppendLine($"| NWaves RealFft frame by frame, reused buffers | {1000 * nwavesReused:F1} | {nwavesReused / batched:F2} |");
            text.AppendLine($"| MsaMl batched FFT, 16 frames per SIMD pass (featurizer now) | {1000 * batched:F1} | 1.00 |");
            text.AppendLine($"| libtorch stft via TorchSharp, one batch | {1000 * libtorch:F1} | {libtorch / batched:F2} |");
            return text.ToString();
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    private static void TorchStft(List<float[]> signals)
    {
        using var scope = torch.NewDisposeScope();
        int length = signals.Max(s => s.Length);
        var batch = new float[signals.Count * length];
        for (int i = 0; i < signals.Count; i++) signals[i].CopyTo(batch, i * length);
        var input = torch.tensor(batch, new long[] { signals.Count, length });
        var window = torch.hann_window(320);
        var spectrum = torch.stft(input, 512, hop_length: 160, win_length: 320, window: window, center: false, return_complex: true);
        var power = spectrum.abs().square();
        power.add_(Floor).log_().sum().item<float>();
    }

    private static double Best(int repeats, Action action)
    {
        action();
        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
