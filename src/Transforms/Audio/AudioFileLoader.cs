using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// Reads a row's WAV file into mono samples at one rate, with buffers kept between rows (file
/// bytes, decoded and resampled samples); one per thread. Bad files throw
/// <see cref="MsaInputException"/> naming the column, row and file; <paramref name="checkRate"/> may refuse
/// a file's rate (from its header, before decoding).
/// </summary>
internal sealed class AudioFileLoader(string column, string? baseFolder, int sampleRate, WavLimits limits, Action<int>? checkRate = null)
{
    private byte[] _file = Array.Empty<byte>();
    private float[] _decoded = Array.Empty<float>();
    private float[] _resampled = Array.Empty<float>();

    /// <summary>The row's samples at the loader's rate; false for an empty path (a missing recording).</summary>
    public bool TryLoad(FeaturizerInput input, out ReadOnlySpan<float> samples)
    {
        samples = default;
        if (string.IsNullOrWhiteSpace(input.Value)) return false;
        string path = FilePaths.Resolve(input.Value, baseFolder);
        try
        {
            int length = WavReader.ReadFile(path, ref _file, limits);
            var file = _file.AsSpan(0, length);
            var layout = WavReader.Parse(file, limits);
            checkRate?.Invoke(layout.SampleRate);
            Grow(ref _decoded, layout.Frames);
            WavReader.DecodeMono(file, layout, _decoded);
            samples = _decoded.AsSpan(0, layout.Frames);
            if (layout.SampleRate != sampleRate)
            {
                var resampler = PolyphaseResampler.For(layout.SampleRate, sampleRate);
                Grow(ref _resampled, resampler.OutputLength(samples.Length));
                int count = resampler.Process(samples, _resampled);
                samples = _resampled.AsSpan(0, count);
            }
            return true;
        }
        catch (FileNotFoundException)
        {
            throw new MsaInputException(column, input.Row, path, "audio file not found");
        }
        catch (InvalidDataException ex)
        {
            throw new MsaInputException(column, input.Row, path, $"cannot read WAV: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MsaInputException(column, input.Row, path, $"cannot read file: {ex.Message}", ex);
        }
    }

    private static void Grow(ref float[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new float[length];
    }
}
