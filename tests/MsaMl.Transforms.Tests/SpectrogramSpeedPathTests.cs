using Microsoft.ML;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Tests;

/// <summary>The featurizer's fast path: parallel rows, the Fit cache, buffers reused across rows.</summary>
public sealed class SpectrogramSpeedPathTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _files.Dispose();

    private static LogSpectrogramOptions Options(int threads, SpectrogramStandardization standardization = SpectrogramStandardization.None) => new()
    {
        TimeFrames = 60, MelBands = 32, MaxThreads = threads, BatchSize = 7, Standardization = standardization, StatisticsColumnName = "Stats",
    };

    private List<AudioRow> Rows(int count)
    {
        int[] rates = { 16000, 48000, 44100, 22050 };
        return Enumerable.Range(0, count).Select(i => new AudioRow
        {
            AudioPath = i % 5 == 4 ? "" : _files.WriteTone($"r{i}.wav", 200 + 150 * i, 0.2 + 0.05 * (i % 7), rates[i % rates.Length]),
        }).ToList();
    }

    [Fact]
    public void ParallelRowsGiveTheSequentialResultInOrder()
    {
        var data = _ml.Data.LoadFromEnumerable(Rows(23));
        var sequential = _ml.Msa().Transforms.LogSpectrogram(Options(1)).Fit(data).Transform(data);
        var parallel = _ml.Msa().Transforms.LogSpectrogram(Options(4)).Fit(data).Transform(data);
        Assert.Equal(Columns.Read(sequential, "Spectrogram"), Columns.Read(parallel, "Spectrogram"));
        Assert.Equal(Columns.Read(sequential, "Stats"), Columns.Read(parallel, "Stats"));
    }

    [Fact]
    public void TheLowestFailingRowIsReported()
    {
        var rows = Rows(12);
        rows[5].AudioPath = _files.PathOf("gone5.wav");
        rows[9].AudioPath = _files.PathOf("gone9.wav");
        var data = _ml.Data.LoadFromEnumerable(rows);
        var output = _ml.Msa().Transforms.LogSpectrogram(Options(4)).Fit(data).Transform(data);
        var error = Assert.Throws<MsaInputException>(() => Columns.Read(output, "Spectrogram"));
        Assert.Equal(5, error.Row);
        Assert.Contains("gone5.wav", error.Message);
    }

    [Fact]
    public void DatasetStandardizationDecodesEachFileOnce()
    {
        var rows = Rows(10);
        var data = _ml.Data.LoadFromEnumerable(rows);
        var options = Options(2, SpectrogramStandardization.Dataset);
        var model = _ml.Msa().Transforms.LogSpectrogram(options).Fit(data);
        Assert.Equal(8, model.PendingFitRows); // 10 rows, 2 with no recording
        // Same options and moments, without the cache: the reference, featurized from the files.
        var reference = new LogSpectrogramTransformer(model.Options);
        var expected = Columns.Read(reference.Transform(data), "Spectrogram");

        foreach (var row in rows.Where(r => r.AudioPath != "")) File.Delete(row.AudioPath);
        // The first transform of the training rows (as featurizing a training split does, even
        // through a new data view over the same rows) takes what Fit computed: no file is read again.
        Assert.Equal(expected, Columns.Read(model.Transform(_ml.Data.LoadFromEnumerable(rows)), "Spectrogram"));
        Assert.Equal(0, model.PendingFitRows);
        // Each row is served once; a second pass reads the files, which are gone now.
        Assert.Throws<MsaInputException>(() => Columns.Read(model.Transform(data), "Spectrogram"));
    }

    [Fact]
    public void AnEstimatorChainDecodesEachTrainingFileOnce()
    {
        var rows = Rows(8);
        var data = _ml.Data.LoadFromEnumerable(rows);
        var chain = _ml.Transforms.CopyColumns("PathCopy", "AudioPath")
            .Append(_ml.Msa().Transforms.LogSpectrogram(Options(2, SpectrogramStandardization.Dataset)));
        var model = chain.Fit(data);
        foreach (var row in rows.Where(r => r.AudioPath != "")) File.Delete(row.AudioPath);
        // Fitting the chain and then featurizing the training rows through it reads no file twice.
        var features = Columns.Read(model.Transform(data), "Spectrogram");
        Assert.Equal(8, features.Length);
        Assert.Contains(features[0], v => v != 0);
    }

    [Fact]
    public void TheFitCacheServesOnlyTheRowsItHolds()
    {
        var rows = Rows(6);
        var data = _ml.Data.LoadFromEnumerable(rows);
        var model = _ml.Msa().Transforms.LogSpectrogram(Options(2, SpectrogramStandardization.Dataset)).Fit(data);
        var expected = Columns.Read(new LogSpectrogramTransformer(model.Options).Transform(data), "Spectrogram");
        // Rows in another order: a cached row is used only where the same path sits at the same position.
        var swapped = rows.ToList();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        var actual = Columns.Read(model.Transform(_ml.Data.LoadFromEnumerable(swapped)), "Spectrogram");
        Assert.Equal(expected[1], actual[0]);
        Assert.Equal(expected[0], actual[1]);
        Assert.Equal(expected[2..], actual[2..]);
        model.ReleaseFitCache();
        Assert.Equal(0, model.PendingFitRows);
    }

    [Fact]
    public void WithoutTheFitCacheTheFilesAreReadAgain()
    {
        var rows = Rows(5);
        var data = _ml.Data.LoadFromEnumerable(rows);
        var options = Options(2, SpectrogramStandardization.Dataset);
        options.FitCacheMegabytes = 0;
        var model = _ml.Msa().Transforms.LogSpectrogram(options).Fit(data);
        File.Delete(rows[0].AudioPath);
        var error = Assert.Throws<MsaInputException>(() => Columns.Read(model.Transform(data), "Spectrogram"));
        Assert.Equal(0, error.Row);
    }

    [Fact]
    public void MomentsDoNotDependOnThreads()
    {
        var data = _ml.Data.LoadFromEnumerable(Rows(17));
        var one = _ml.Msa().Transforms.LogSpectrogram(Options(1, SpectrogramStandardization.Dataset)).Fit(data).Options;
        var four = _ml.Msa().Transforms.LogSpectrogram(Options(4, SpectrogramStandardization.Dataset)).Fit(data).Options;
        Assert.Equal(one.ChannelMeans, four.ChannelMeans);
        Assert.Equal(one.ChannelStds, four.ChannelStds);
    }

    [Fact]
    public void RowsAfterTheFirstAllocateNothing()
    {
        var options = new LogSpectrogramOptions { TimeFrames = 100, MelBands = 64, BaseFolder = _files.Root };
        var worker = new SpectrogramWorker(options);
        _files.WriteTone("a48.wav", 440, 1.0, 48000);
        _files.WriteTone("b48.wav", 880, 0.9, 48000);
        var output = new float[worker.Computer.Size];
        var stats = new float[3 * 64 * 2];
        worker.Featurize(new FeaturizerInput("a48.wav", 0), output, stats, null);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Array.Clear(output);
        worker.Featurize(new FeaturizerInput("b48.wav", 1), output, stats, null);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // Opening the file costs a handle object and the resolved path; no buffers are allocated.
        Assert.True(allocated < 2048, $"the second row allocated {allocated} bytes");
        Assert.NotEqual(0f, output[10]);
    }

    // 1 kHz and 12 kHz at 48 kHz: the 12 kHz part is above the new Nyquist frequency and must not
    // fold to 4 kHz in the 16 kHz spectrogram.
    [Fact]
    public void ResamplingDoesNotAliasIntoTheSpectrogram()
    {
        var samples = Enumerable.Range(0, 48000).Select(i => (float)(0.4 * Math.Sin(2 * Math.PI * 1000 * i / 48000) + 0.4 * Math.Sin(2 * Math.PI * 12000 * i / 48000))).ToArray();
        string path = _files.PathOf("mix48.wav");
        WavWriter.WritePcm16(path, samples, 48000);
        var options = new LogSpectrogramOptions { TimeFrames = 100, Deltas = false };
        var data = _ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = path } });
        var row = Columns.Read(_ml.Msa().Transforms.LogSpectrogram(options).Fit(data).Transform(data), "Spectrogram")[0];
        int t = 50;
        double peak = row[32 * 100 + t];   // 1 kHz = bin 32 of 512 at 16 kHz
        double alias = row[128 * 100 + t]; // 4 kHz = bin 128
        // Natural-log power: 80 dB = ln(1e8) = 18.4.
        Assert.True(peak - alias > Math.Log(1e7), $"1 kHz log power {peak}, 4 kHz {alias}");
    }
}
