using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;

namespace MsaMl.Serving.Requests;

/// <summary>
/// The checks of a row before it is scored: it gives only what the model reads and at least one of those, its WAV
/// header is within <see cref="MsaServingOptions.Audio"/> and its image within <see cref="MsaServingOptions.Image"/>
/// (the library's limits and messages).
/// </summary>
internal static class RowChecks
{
    public static void Check(RequestRow row, Modalities reads, MsaServingOptions options)
    {
        foreach (var (modality, path) in new[] { (Modalities.Audio, row.AudioPath), (Modalities.Image, row.ImagePath) })
            if (path.Length > 0 && !reads.HasFlag(modality))
                throw new RequestError(400, row.Field + Name(modality), $"the model does not read {modality.Describe()}; it reads {reads.Describe()}");
        if ((row.Present & reads) == Modalities.None)
            throw new RequestError(400, row.Field.Length > 0 ? row.Field.TrimEnd('.') : "body",
                $"nothing to score; expected at least one of: {string.Join(", ", reads.Members().Select(Expected))}");
        if (row.AudioPath.Length > 0) CheckAudio(row, options.Audio);
        if (row.ImagePath.Length > 0) CheckImage(row, options.Image);
    }

    private static void CheckAudio(RequestRow row, WavLimits limits)
    {
        try
        {
            // The upload is bounded by MaxRequestBytes, so reading it whole is bounded too.
            WavReader.Parse(File.ReadAllBytes(row.AudioPath), limits);
        }
        catch (InvalidDataException ex)
        {
            throw new RequestError(400, row.Field + "audio", $"cannot read WAV: {ex.Message}");
        }
    }

    private static void CheckImage(RequestRow row, ImageLimits limits)
    {
        try
        {
            ImageDecoder.CheckHeader(row.ImagePath, limits);
        }
        catch (InvalidDataException ex)
        {
            throw new RequestError(400, row.Field + "image", $"cannot read the image: {ex.Message}");
        }
    }

    private static string Name(Modalities modality) => modality.ToString().ToLowerInvariant();

    private static string Expected(Modalities modality) => modality switch
    {
        Modalities.Audio => "audio (a WAV file)",
        Modalities.Image => "image (an image file)",
        Modalities.Visual => "visual (a video file, which requests cannot carry yet)",
        _ => "text (a non-empty string)",
    };
}
