using System.Buffers.Binary;
using Microsoft.ML;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;

namespace MsaMl.Transforms.Tests;

/// <summary>
/// Tiny files that declare huge content (issue 18, part 2, item 2): each is refused from its header, before the
/// decoder allocates what it declares, with an error naming the file and the limit; devices are refused, not read.
/// </summary>
public sealed class DecodingLimitsTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _files.Dispose();

    /// <summary>A GIF header declaring <paramref name="side"/> x <paramref name="side"/> pixels, with one tiny image block (35 bytes).</summary>
    private string Gif(string name, int side)
    {
        var bytes = new List<byte>("GIF89a"u8.ToArray());
        void Short(int v) { bytes.Add((byte)v); bytes.Add((byte)(v >> 8)); }
        Short(side); Short(side);
        bytes.AddRange([0, 0, 0, (byte)',']);
        Short(0); Short(0); Short(side); Short(side);
        bytes.AddRange([0, 2, 2, 0x44, 1, 0, (byte)';']);
        string path = _files.PathOf(name);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    /// <summary>A 16-bit PCM WAV header with the given rate and channels, and <paramref name="frames"/> frames of silence.</summary>
    private string Wav(string name, int sampleRate, int channels, int frames)
    {
        int data = frames * channels * 2;
        var bytes = new byte[44 + data];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), sampleRate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), data);
        string path = _files.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static long Allocated(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(23000)]
    [InlineData(26000)]   // above 25000², where decoding used to escape UnreadableImages
    public void AGifDeclaringHugeDimensionsIsRefusedFromItsHeader(int side)
    {
        string gif = Gif($"big{side}.gif", side);
        Assert.True(new FileInfo(gif).Length < 40);

        var error = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(gif).Dispose());
        Assert.Contains($"{side} x {side}", error.Message);
        Assert.Contains("ImageLimits.MaxPixels", error.Message);
    }

    [Fact]
    public void AnImageAboveTheLimitIsAMissingImageUnderMissingModality()
    {
        string gif = Gif("big.gif", 26000);
        var data = _ml.Data.LoadFromEnumerable(new[] { new ImageRow { ImagePath = gif } });
        var model = _ml.Msa().Transforms.ImageTensor(new ImageTensorOptions { Width = 4, Height = 4, UnreadableImages = UnreadableImagePolicy.MissingModality }).Fit(data);

        var values = Columns.Read(model.Transform(data), "ImageTensor");

        Assert.All(values[0], v => Assert.Equal(0f, v));
        Assert.Contains(gif, Assert.Single(model.Warnings.Lines));
        Assert.Contains("MaxPixels", model.Warnings.Lines[0]);
    }

    [Fact]
    public void TheImageLimitsAreOptions()
    {
        string gif = Gif("small.gif", 100);
        var error = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(gif, new ImageLimits { MaxPixels = 100 * 100 - 1 }).Dispose());
        Assert.Contains("expected at most 9999", error.Message);
        var size = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(gif, new ImageLimits { MaxFileBytes = 10 }).Dispose());
        Assert.StartsWith(gif, size.Message);
        Assert.Contains("ImageLimits.MaxFileBytes", size.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageLimits { MaxPixels = 0 }.Validate());
    }

    [Fact]
    public void TheHeaderCheckGivesDecodesMessagesWithoutDecoding()
    {
        string gif = Gif("header.gif", 100);
        Assert.Equal((100, 100), ImageDecoder.CheckHeader(gif));
        var limits = new ImageLimits { MaxPixels = 100 * 100 - 1 };
        var checkedOnly = Assert.Throws<InvalidDataException>(() => ImageDecoder.CheckHeader(gif, limits));
        Assert.Equal(Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(gif, limits).Dispose()).Message, checkedOnly.Message);
    }

    [Fact]
    public void AWavDeclaringTenMegahertzIsRefusedFromItsHeaderWithoutAllocating()
    {
        string wav = Wav("rate.wav", 10_000_019, 1, 16000);

        InvalidDataException? error = null;
        long allocated = Allocated(() => error = Assert.Throws<InvalidDataException>(() => WavReader.Read(wav)));

        Assert.StartsWith(wav, error!.Message);
        Assert.Contains("10000019 Hz", error.Message);
        Assert.Contains("WavLimits.MaxSampleRate", error.Message);
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void ChannelsAndDurationAreCheckedFromTheHeader()
    {
        var channels = Assert.Throws<InvalidDataException>(() => WavReader.Read(Wav("channels.wav", 16000, 65, 10)));
        Assert.Contains("65 channels", channels.Message);
        Assert.Contains("WavLimits.MaxChannels", channels.Message);

        string second = Wav("second.wav", 16000, 1, 16000);
        var duration = Assert.Throws<InvalidDataException>(() => WavReader.Read(second, new WavLimits { MaxDurationSeconds = 0.5 }));
        Assert.Contains("1 s of audio", duration.Message);
        Assert.Contains("WavLimits.MaxDurationSeconds", duration.Message);
        Assert.Equal(16000, WavReader.Read(second, new WavLimits { MaxDurationSeconds = 1 }).Samples.Length);

        var size = Assert.Throws<InvalidDataException>(() => WavReader.Read(second, new WavLimits { MaxFileBytes = 1000 }));
        Assert.Contains("WavLimits.MaxFileBytes", size.Message);
    }

    [Fact]
    public void TheSpectrogramReadsWithItsLimitsAndNamesTheRow()
    {
        string wav = Wav("rate.wav", 10_000_019, 1, 1000);
        var data = _ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = wav } });
        var model = _ml.Msa().Transforms.LogSpectrogram(new LogSpectrogramOptions { TimeFrames = 10 }).Fit(data);

        var error = Assert.Throws<MsaInputException>(() => Columns.Read(model.Transform(data), "Spectrogram"));
        Assert.Contains("row 0", error.Message);
        Assert.Contains(wav, error.Message);
        Assert.Contains("MaxSampleRate", error.Message);
    }

    [Fact]
    public void DevicesAreRefusedNotReadWithoutEnd()
    {
        if (!File.Exists("/dev/zero")) return;   // Unix only

        var image = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode("/dev/zero").Dispose());
        Assert.Contains("/dev/zero", image.Message);
        Assert.Contains("character device, not a regular file", image.Message);
        var audio = Assert.Throws<InvalidDataException>(() => WavReader.Read("/dev/zero"));
        Assert.Contains("character device, not a regular file", audio.Message);
        Assert.DoesNotContain("empty", audio.Message);
    }

    [Fact]
    public void SavedOptionsBeyondTheirBoundsAreArgumentErrorsNotOverflows()
    {
        Assert.Throws<OptionOutOfRangeException>(() => SpectrogramComputer.ShapeOf(new LogSpectrogramOptions { SampleRate = int.MaxValue }));
        Assert.Throws<OptionOutOfRangeException>(() => SpectrogramComputer.ShapeOf(new LogSpectrogramOptions { TimeFrames = int.MaxValue }));
        Assert.Throws<OptionOutOfRangeException>(() => SpectrogramComputer.ShapeOf(new LogSpectrogramOptions { MelBands = int.MaxValue }));
        Assert.Throws<OptionOutOfRangeException>(() => new BertEmbeddingOptions { MaxTokens = int.MaxValue }.Validate());
        Assert.Throws<OptionOutOfRangeException>(() => ImageTensorTransformer.OutputColumnOf(new ImageTensorOptions { Width = 100_000, Height = 100_000 }));
        Assert.Throws<ArgumentException>(() => new FeatureColumn("x", "a,b", 1 << 20, 1 << 20));
    }
}
