using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Core;
using NWaves.Windows;

namespace MsaMl.Transforms.Tests;

public sealed class LogSpectrogramTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _files.Dispose();

    private static LogSpectrogramOptions Small(int frames = 100) => new() { TimeFrames = frames };

    [Fact]
    public void PureToneSpectrumPeaksAtItsBin()
    {
        var options = Small();
        var computer = new SpectrogramComputer(options);
        var output = new float[3 * 257 * 100];
        int valid = computer.Compute(TestFiles.Tone(1000, 1.0, 16000), output);

        Assert.Equal(512, computer.FftSize);
        Assert.Equal(Math.Min(100, computer.PowerFrames(TestFiles.Tone(1000, 1.0, 16000)).Count), valid);
        Assert.InRange(valid, 99, 100);
        int expectedBin = (int)Math.Round(1000.0 * 512 / 16000); // 32
        for (int time = 5; time < valid; time += 20)
        {
            int peak = Enumerable.Range(0, 257).MaxBy(bin => output[bin * 100 + time]);
            Assert.Equal(expectedBin, peak);
        }
    }

    // Frames 3 and 10 sit in the real and the imaginary half of the first 16-frame batch, the last
    // one in a partial batch: each must match a direct DFT of its windowed samples.
    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(-1)]
    public void FrameAgreesWithDirectDft(int frameIndex)
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 4000).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var computer = new SpectrogramComputer(Small());
        var frames = computer.PowerFrames(samples);
        if (frameIndex < 0) frameIndex = frames.Count - 1;
        Assert.Equal(24, frames.Count);

        int window = computer.WindowSize, n = computer.FftSize;
        var hann = Window.OfType(WindowType.Hann, window);
        double maxPower = 0;
        var expected = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++)
        {
            double re = 0, im = 0;
            for (int i = 0; i < window; i++)
            {
                double x = samples[frameIndex * computer.HopSize + i] * hann[i];
                re += x * Math.Cos(2 * Math.PI * k * i / n);
                im -= x * Math.Sin(2 * Math.PI * k * i / n);
            }
            expected[k] = re * re + im * im;
            maxPower = Math.Max(maxPower, expected[k]);
        }
        for (int k = 0; k <= n / 2; k++)
        {
            double error = Math.Abs(frames[frameIndex][k] - expected[k]);
            Assert.True(error <= 1e-4 * Math.Max(expected[k], 1e-2 * maxPower),
                $"frame {frameIndex}, bin {k}: {frames[frameIndex][k]} vs DFT {expected[k]}");
        }
    }

    [Fact]
    public void DeltaChannelsAreTimeDifferences()
    {
        var computer = new SpectrogramComputer(Small(50));
        var output = new float[3 * 257 * 50];
        var chirp = Enumerable.Range(0, 8000).Select(i => (float)Math.Sin(2 * Math.PI * (200 + i * 0.2) * i / 16000)).ToArray();
        computer.Compute(chirp, output);
        int plane = 257 * 50;
        for (int bin = 0; bin < 257; bin += 16)
            for (int t = 1; t < 49; t++)
            {
                float d = output[bin * 50 + t] - output[bin * 50 + t - 1];
                Assert.Equal(d, output[plane + bin * 50 + t], 4);
                float dd = output[plane + bin * 50 + t] - output[plane + bin * 50 + t - 1];
                Assert.Equal(dd, output[2 * plane + bin * 50 + t], 4);
            }
        Assert.Equal(0f, output[plane + 3 * 50]);
    }

    [Fact]
    public void PipelineSchemaShapeAndPaddingAreCorrect()
    {
        string shortTone = _files.WriteTone("short.wav", 500, 0.3);
        string longTone = _files.WriteTone("long.wav", 500, 2.0);
        var data = _ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = shortTone }, new AudioRow { AudioPath = longTone }, new AudioRow { AudioPath = "" } });
        var estimator = _ml.Msa().Transforms.LogSpectrogram(Small());

        var shape = estimator.GetOutputSchema(SchemaChecks.ShapeOf(data.Schema));
        Assert.Contains(shape, c => c.Name == "Spectrogram" && c.Kind == SchemaShape.Column.VectorKind.Vector);

        var model = estimator.Fit(data);
        var output = model.Transform(data);
        var column = output.Schema["Spectrogram"];
        Assert.Equal(new[] { 3, 257, 100 }, FeatureColumn.ReadShape(column));
        Assert.Equal(3 * 257 * 100, ((VectorDataViewType)column.Type).Size);

        var rows = Columns.Read(output, "Spectrogram");
        // 0.3 s = 4800 samples -> about 30 frames of 10 ms; the rest of the 100 frames is zero padding.
        int frames = new SpectrogramComputer(Small()).PowerFrames(TestFiles.Tone(500, 0.3, 16000)).Count;
        Assert.InRange(frames, 29, 30);
        Assert.NotEqual(0f, rows[0][frames - 1]);
        Assert.All(Enumerable.Range(frames, 100 - frames), t => Assert.Equal(0f, rows[0][t]));
        Assert.NotEqual(0f, rows[1][99]);
        Assert.All(rows[2], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void PredictionEngineMatchesTransform()
    {
        string tone = _files.WriteTone("a.wav", 440, 0.5);
        string other = _files.WriteTone("b.wav", 2000, 0.5);
        var data = _ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = tone }, new AudioRow { AudioPath = other } });
        var model = _ml.Msa().Transforms.LogSpectrogram(Small()).Fit(data);
        var batch = Columns.Read(model.Transform(data), "Spectrogram");

        var engine = _ml.Model.CreatePredictionEngine<AudioRow, SpectrogramOutput>(model);
        Assert.Equal(batch[0], engine.Predict(new AudioRow { AudioPath = tone }).Spectrogram);
        Assert.Equal(batch[1], engine.Predict(new AudioRow { AudioPath = other }).Spectrogram);
    }

    public sealed class SpectrogramOutput
    {
        [VectorType(3 * 257 * 100)]
        public float[] Spectrogram { get; set; } = Array.Empty<float>();
    }

    [Fact]
    public void DecodesPcm24FloatAndStereoLikePcm16()
    {
        var tone = TestFiles.Tone(300, 0.2, 16000);
        var pcm24 = new byte[tone.Length * 3];
        var float32 = new byte[tone.Length * 4];
        var stereo = new byte[tone.Length * 4];
        for (int i = 0; i < tone.Length; i++)
        {
            int v = (int)Math.Round(tone[i] * 8388607);
            pcm24[3 * i] = (byte)v; pcm24[3 * i + 1] = (byte)(v >> 8); pcm24[3 * i + 2] = (byte)(v >> 16);
            BitConverter.TryWriteBytes(float32.AsSpan(4 * i), tone[i]);
            short s = (short)Math.Round(tone[i] * 32767);
            BitConverter.TryWriteBytes(stereo.AsSpan(4 * i), s);
            BitConverter.TryWriteBytes(stereo.AsSpan(4 * i + 2), (short)-s); // left + right cancel
        }
        var a = WavReader.Read(_files.WriteRawWav("p24.wav", 1, 1, 24, 16000, pcm24));
        var b = WavReader.Read(_files.WriteRawWav("f32.wav", 3, 1, 32, 16000, float32));
        var c = WavReader.Read(_files.WriteRawWav("st.wav", 1, 2, 16, 16000, stereo));
        for (int i = 0; i < tone.Length; i++)
        {
            Assert.Equal(tone[i], a.Samples[i], 5);
            Assert.Equal(tone[i], b.Samples[i], 6);
            Assert.Equal(0f, c.Samples[i], 4);
        }
    }

    [Fact]
    public void ResamplesOrRejectsOtherSampleRates()
    {
        string tone8k = _files.WriteTone("t8k.wav", 1000, 1.0, sampleRate: 8000);
        var data = _ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = tone8k } });

        var resampled = Columns.Read(_ml.Msa().Transforms.LogSpectrogram(Small()).Fit(data).Transform(data), "Spectrogram")[0];
        int peak = Enumerable.Range(0, 257).MaxBy(bin => resampled[bin * 100 + 50]);
        Assert.Equal(32, peak);

        var strict = Small();
        strict.Resample = false;
        var error = Assert.Throws<MsaInputException>(() => Columns.Read(_ml.Msa().Transforms.LogSpectrogram(strict).Fit(data).Transform(data), "Spectrogram"));
        Assert.Contains("8000 Hz", error.Message);
        Assert.Contains(tone8k, error.Message);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("truncated")]
    [InlineData("mp3")]
    [InlineData("notwav")]
    public void BadAudioNamesRowAndPath(string kind)
    {
        string good = _files.WriteTone("good.wav", 440, 0.3);
        string bad = kind switch
        {
            "missing" => _files.PathOf("nope.wav"),
            "empty" => WriteBytes("empty.wav", Array.Empty<byte>()),
            "truncated" => _files.WriteRawWav("trunc.wav", 1, 1, 16, 16000, new byte[100], declaredDataSize: 32000),
            "mp3" => _files.WriteRawWav("mp3.wav", 0x55, 1, 16, 16000, new byte[100]),
            _ => WriteBytes("text.wav", "hello"u8.ToArray()),
        };
        var data = _ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = good }, new AudioRow { AudioPath = bad } });
        var output = _ml.Msa().Transforms.LogSpectrogram(Small()).Fit(data).Transform(data);

        var error = Assert.Throws<MsaInputException>(() => Columns.Read(output, "Spectrogram"));
        Assert.Equal(1, error.Row);
        Assert.Equal("AudioPath", error.Column);
        Assert.Contains(bad, error.Message);
        string expected = kind switch
        {
            "missing" => "not found",
            "empty" => "empty",
            "truncated" => "truncated",
            "mp3" => "0x0055",
            _ => "RIFF",
        };
        Assert.Contains(expected, error.Message);
    }

    /// <summary>A float WAV of 0.25 s of a 440 Hz tone with <paramref name="bad"/> at sample 1000 (of channel 2 in stereo).</summary>
    private string FloatWavWith(string name, double bad, ushort bits, ushort channels)
    {
        int frames = 4000, bytes = bits / 8;
        var data = new byte[frames * channels * bytes];
        for (int f = 0; f < frames; f++)
            for (int c = 0; c < channels; c++)
            {
                double value = f == 1000 && c == channels - 1 ? bad : 0.5 * Math.Sin(2 * Math.PI * 440 * f / 16000.0);
                var at = data.AsSpan((f * channels + c) * bytes);
                if (bits == 32) System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(at, (float)value);
                else System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(at, value);
            }
        return _files.WriteRawWav(name, 3, channels, bits, 16000, data);
    }

    [Theory]
    [InlineData(double.NaN, 32, 1, "NaN")]
    [InlineData(double.PositiveInfinity, 32, 2, "+infinity")]
    [InlineData(double.NegativeInfinity, 64, 1, "-infinity")]
    [InlineData(1e300, 64, 1, "+infinity")]
    public void NonFiniteSamplesAreAnErrorNamingTheRowAndFile(double bad, int bits, int channels, string what)
    {
        string good = _files.WriteTone("good.wav", 440, 0.3);
        string broken = FloatWavWith($"broken-{bits}-{channels}.wav", bad, (ushort)bits, (ushort)channels);
        var data = _ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = good }, new AudioRow { AudioPath = broken } });

        var error = Assert.Throws<MsaInputException>(() => Columns.Read(_ml.Msa().Transforms.LogSpectrogram(Small()).Fit(data).Transform(data), "Spectrogram"));

        Assert.Equal(1, error.Row);
        Assert.Contains(broken, error.Message);
        Assert.Contains($"is {what}; expected finite samples", error.Message);
        Assert.Contains("sample 1000 (at 0.06", error.Message);
        // The reader alone says the same, with the path.
        var direct = Assert.Throws<InvalidDataException>(() => WavReader.Read(broken));
        Assert.StartsWith(broken + ": sample 1000", direct.Message);
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        string path = _files.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void ZeroLengthAudioGivesZeros()
    {
        string silent = _files.WriteRawWav("zero.wav", 1, 1, 16, 16000, Array.Empty<byte>());
        var data = _ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = silent } });
        var row = Columns.Read(_ml.Msa().Transforms.LogSpectrogram(Small()).Fit(data).Transform(data), "Spectrogram")[0];
        Assert.All(row, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void DatasetStandardizationLearnsMomentsAndRoundTripsThroughJson()
    {
        var paths = new[] { _files.WriteTone("x.wav", 300, 0.5), _files.WriteTone("y.wav", 3000, 0.8) };
        var data = _ml.Data.LoadFromEnumerable(paths.Select(p => new AudioRow { AudioPath = p }));
        var options = Small();
        options.Standardization = SpectrogramStandardization.Dataset;
        var model = _ml.Msa().Transforms.LogSpectrogram(options).Fit(data);

        Assert.NotNull(model.Options.ChannelMeans);
        Assert.True(model.Options.ChannelMeans![0] < -5, "log power of quiet bins is strongly negative");
        var rows = Columns.Read(model.Transform(data), "Spectrogram");
        // Over all frames that hold audio, the log channel now has mean ~0 and variance ~1.
        var values = new List<double>();
        var computer = new SpectrogramComputer(Small());
        int[] validFrames = { computer.PowerFrames(TestFiles.Tone(300, 0.5, 16000)).Count, computer.PowerFrames(TestFiles.Tone(3000, 0.8, 16000)).Count };
        for (int r = 0; r < 2; r++)
            for (int bin = 0; bin < 257; bin++)
                for (int t = 0; t < validFrames[r]; t++) values.Add(rows[r][bin * 100 + t]);
        Assert.Equal(0, values.Average(), 3);
        Assert.Equal(1, Math.Sqrt(values.Select(v => v * v).Average()), 2);

        var recreated = TransformFactory.Create(model.Kind, model.SaveOptions());
        Assert.Equal(rows, Columns.Read(recreated.Transform(data), "Spectrogram"));
    }

    [Fact]
    public void MelBandsChangeTheFrequencyAxis()
    {
        var options = Small();
        options.MelBands = 40;
        options.Deltas = false;
        string tone = _files.WriteTone("m.wav", 1000, 0.5);
        var data = _ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = tone } });
        var output = _ml.Msa().Transforms.LogSpectrogram(options).Fit(data).Transform(data);
        Assert.Equal(new[] { 1, 40, 100 }, FeatureColumn.ReadShape(output.Schema["Spectrogram"]));
        var row = Columns.Read(output, "Spectrogram")[0];
        int peak = Enumerable.Range(0, 40).MaxBy(bin => row[bin * 100 + 20]);
        Assert.InRange(peak, 10, 20); // 1 kHz sits in the lower half of a 0-8 kHz mel scale
    }

    [Fact]
    public void WrongInputTypeNamesColumnAndTypes()
    {
        var data = _ml.Data.LoadFromEnumerable(new[] { new NumberRow { AudioPath = 1f } });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Msa().Transforms.LogSpectrogram(Small()).Fit(data));
        Assert.Contains("'AudioPath'", error.Message);
        Assert.Contains("String", error.Message);
        Assert.Contains("Single", error.Message);
    }

    public sealed class NumberRow { public float AudioPath { get; set; } }
}

public sealed class SpectrogramStatisticsTests : IDisposable
{
    private readonly TestFiles _files = new();
    public void Dispose() => _files.Dispose();

    [Fact]
    public void StatisticsAreMeanAndStdOverFramesWithAudio()
    {
        var ml = new MLContext(seed: 1);
        string tone = _files.WriteTone("s.wav", 700, 0.4);
        var data = ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = tone }, new AudioRow() });
        var options = new LogSpectrogramOptions { TimeFrames = 100, MelBands = 20, StatisticsColumnName = "SpectrogramStats" };
        var output = ml.Msa().Transforms.LogSpectrogram(options).Fit(data).Transform(data);
        Assert.Equal(new[] { 3, 20, 2 }, FeatureColumn.ReadShape(output.Schema["SpectrogramStats"]));

        var spectrogram = Columns.Read(output, "Spectrogram")[0];
        var stats = Columns.Read(output, "SpectrogramStats");
        int valid = new SpectrogramComputer(options).PowerFrames(TestFiles.Tone(700, 0.4, 16000)).Count;
        foreach (int row in new[] { 0, 7, 25, 59 })
        {
            var frames = spectrogram.Skip(row * 100).Take(valid).Select(v => (double)v).ToArray();
            double mean = frames.Average();
            Assert.Equal(mean, stats[0][2 * row], 3);
            Assert.Equal(Math.Sqrt(frames.Select(v => (v - mean) * (v - mean)).Average()), stats[0][2 * row + 1], 3);
        }
        Assert.All(stats[1], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void QuartilesFollowTheMomentsForEachBandOfTheLogSpectrogram()
    {
        var ml = new MLContext(seed: 1);
        // A tone that rises in loudness: each band's values spread over the frames, so the quartiles differ.
        string path = _files.PathOf("rising.wav");
        var samples = Enumerable.Range(0, 8000).Select(i => (0.01f + 0.5f * i / 8000f) * MathF.Sin(2 * MathF.PI * 700 * i / 16000f)).ToArray();
        WavWriter.WritePcm16(path, samples, 16000);
        var data = ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = path }, new AudioRow() });
        var options = new LogSpectrogramOptions { TimeFrames = 100, MelBands = 20, StatisticsColumnName = "SpectrogramStats", StatisticsQuartiles = true };
        var output = ml.Msa().Transforms.LogSpectrogram(options).Fit(data).Transform(data);
        Assert.Equal(new[] { 3 * 20 * 2 + 20 * 3 }, FeatureColumn.ReadShape(output.Schema["SpectrogramStats"]));

        var spectrogram = Columns.Read(output, "Spectrogram")[0];
        var stats = Columns.Read(output, "SpectrogramStats");
        var plain = Columns.Read(ml.Msa().Transforms.LogSpectrogram(new LogSpectrogramOptions { TimeFrames = 100, MelBands = 20, StatisticsColumnName = "SpectrogramStats" }).Fit(data).Transform(data), "SpectrogramStats");
        Assert.Equal(plain[0], stats[0][..120]);
        int valid = new SpectrogramComputer(options).PowerFrames(samples).Count;
        Assert.InRange(valid, 40, 99);
        foreach (int bin in new[] { 0, 9, 19 })
        {
            var sorted = spectrogram.Skip(bin * 100).Take(valid).Order().ToArray();
            // numpy's default: linear interpolation at (n - 1) x fraction
            double Expected(double fraction)
            {
                double at = fraction * (valid - 1);
                int below = (int)at;
                return sorted[below] + (at - below) * (sorted[below + 1] - sorted[below]);
            }
            for (int q = 0; q < 3; q++) Assert.Equal(Expected(0.25 * (q + 1)), stats[0][120 + 3 * bin + q], 4);
            Assert.True(stats[0][120 + 3 * bin] < stats[0][120 + 3 * bin + 2], $"band {bin}: the quartiles of a rising tone must differ");
        }
        Assert.All(stats[1], v => Assert.Equal(0f, v));
    }
}
