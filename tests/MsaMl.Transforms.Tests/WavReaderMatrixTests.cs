using MsaMl.Transforms.Audio;

namespace MsaMl.Transforms.Tests;

/// <summary>
/// The WAV robustness matrix: encodings (8-bit unsigned, 16/24/32-bit PCM, 24-in-32, 32/64-bit
/// float; plain and WAVE_FORMAT_EXTENSIBLE) x channels (1, 2, 6) x rates (8 to 96 kHz) x chunk
/// layouts (LIST/bext/JUNK/fact/FLLR before data, _PMX/LIST/unknown after, odd-sized chunks with
/// their pad byte) x data sizing (exact, 0 or 0xFFFFFFFF as streaming writers leave it, trailing
/// garbage, a stray partial frame). Each file is read sample-exact against its known content.
/// </summary>
public sealed class WavReaderMatrixTests : IDisposable
{
    private static readonly int[] Rates = { 8000, 11025, 16000, 22050, 32000, 44100, 48000, 88200, 96000 };
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<WavFixture> Matrix()
    {
        var data = new TheoryData<WavFixture>();
        var layouts = Enum.GetValues<ChunkLayout>();
        var sizings = Enum.GetValues<DataSizing>();
        int i = 0;
        foreach (var encoding in Enum.GetValues<WavEncoding>())
            foreach (bool extensible in new[] { false, true })
                foreach (int channels in new[] { 1, 2, 6 })
                {
                    if (encoding == WavEncoding.Pcm24In32 && !extensible) continue; // only expressible with valid bits
                    data.Add(new WavFixture
                    {
                        Encoding = encoding, Extensible = extensible, Channels = channels,
                        SampleRate = Rates[i % Rates.Length], Layout = layouts[i % layouts.Length], Sizing = sizings[i / layouts.Length % sizings.Length],
                    });
                    i++;
                }
        foreach (var layout in layouts)
            foreach (var sizing in sizings)
                data.Add(new WavFixture { Encoding = WavEncoding.Pcm16, Channels = 2, SampleRate = 48000, Layout = layout, Sizing = sizing });
        foreach (int rate in Rates)
            data.Add(new WavFixture { Encoding = WavEncoding.Pcm24, Channels = 1, SampleRate = rate, Layout = ChunkLayout.Everywhere });
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void ReadsSampleExact(WavFixture fixture)
    {
        string path = _files.PathOf(fixture + ".wav");
        File.WriteAllBytes(path, fixture.Build());
        var audio = WavReader.Read(path);
        var expected = fixture.ExpectedMono();

        Assert.Equal(fixture.SampleRate, audio.SampleRate);
        Assert.Equal(expected.Length, audio.Samples.Length);
        // Integer PCM and float content is exact; a mean over 6 channels may round in the last bit.
        float tolerance = fixture.Channels == 1 ? 0f : 2e-7f;
        for (int n = 0; n < expected.Length; n++)
            Assert.True(Math.Abs(expected[n] - audio.Samples[n]) <= tolerance, $"{fixture}: sample {n} is {audio.Samples[n]}, expected {expected[n]}");
    }

    [Fact]
    public void AnEmptyDataChunkIsSilenceNotAnError()
    {
        string path = _files.WriteRawWav("empty-data.wav", 1, 1, 16, 16000, Array.Empty<byte>());
        Assert.Empty(WavReader.Read(path).Samples);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "truncated", "declares 4000 bytes" },
        { "adpcm", "format tag 0x0002" },
        { "extensible-mulaw", "format tag 0x0007" },
        { "pcm12", "12 bits" },
        { "float16", "format tag 0x0003 with 16 bits" },
        { "data-before-fmt", "before the 'fmt ' chunk" },
        { "no-data", "no 'data' chunk" },
        { "zero-channels", "0 channels" },
        { "zero-rate", "sample rate 0" },
        { "short-fmt", "truncated 'fmt ' chunk" },
        { "short-extensible", "WAVE_FORMAT_EXTENSIBLE" },
        { "rifx", "RIFF" },
        { "empty", "empty" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFilesGetAnErrorNamingTheFileAndTheExpectation(string kind, string expected)
    {
        string path = _files.PathOf(kind + ".wav");
        File.WriteAllBytes(path, BadFile(kind));
        var error = Assert.Throws<InvalidDataException>(() => WavReader.Read(path));
        Assert.StartsWith(path + ":", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Contains("expected", error.Message);
    }

    private byte[] BadFile(string kind)
    {
        byte[] Raw(ushort tag, ushort channels, ushort bits, int rate, int dataBytes, int? declared = null)
        {
            string p = _files.WriteRawWav("raw-" + kind + ".wav", tag, channels, bits, rate, new byte[dataBytes], declared);
            return File.ReadAllBytes(p);
        }
        switch (kind)
        {
            case "truncated": return Raw(1, 1, 16, 16000, 100, declared: 4000);
            case "adpcm": return Raw(2, 1, 4, 16000, 100);
            case "extensible-mulaw": return new WavFixture { Extensible = true, FormatTag = 7, Bits = 8 }.Build();
            case "pcm12": return Raw(1, 1, 12, 16000, 100);
            case "float16": return Raw(3, 1, 16, 16000, 100);
            case "zero-channels": return Raw(1, 0, 16, 16000, 100);
            case "zero-rate": return Raw(1, 1, 16, 0, 100);
            case "data-before-fmt":
            {
                var ok = Raw(1, 1, 16, 16000, 8);
                // Swap: RIFF hdr (12) | data chunk (8 + 8) | fmt chunk (8 + 16)
                return [.. ok[..12], .. ok[36..], .. ok[12..36]];
            }
            case "no-data": return Raw(1, 1, 16, 16000, 8)[..36];
            case "short-fmt":
            {
                var ok = Raw(1, 1, 16, 16000, 8);
                return ok[..28]; // the 'fmt ' chunk is cut after 8 of its 16 bytes
            }
            case "short-extensible":
            {
                var ok = new WavFixture { Extensible = true }.Build();
                return ok[..40]; // header cut inside the 40-byte extensible 'fmt ' body
            }
            case "rifx": return [.. "RIFX"u8, .. Raw(1, 1, 16, 16000, 8)[4..]];
            default: return Array.Empty<byte>();
        }
    }
}
