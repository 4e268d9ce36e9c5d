using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;

namespace MsaMl.Serving;

/// <summary>
/// The limits of a served model. A request beyond one is answered with a 4xx JSON body naming the field and the
/// limit (a 503 when the service is busy or scoring takes longer than <see cref="RequestTimeout"/>).
/// </summary>
public sealed class MsaServingOptions
{
    /// <summary>The largest request body, uploads included (default 32 MiB); a larger one is answered 413.</summary>
    public long MaxRequestBytes { get; set; } = 32L << 20;

    /// <summary>The longest text of one row, in characters (default 100,000).</summary>
    public int MaxTextChars { get; set; } = 100_000;

    /// <summary>The most rows of one <c>POST /predict/batch</c> (default 64).</summary>
    public int MaxBatchRows { get; set; } = 64;

    /// <summary>What an uploaded WAV file may be (the library's limits: duration, rate, channels), checked from its header before scoring.</summary>
    public WavLimits Audio { get; set; } = new();

    /// <summary>What an uploaded image may be (the library's limits: pixels, file size), checked from its header before scoring.</summary>
    public ImageLimits Image { get; set; } = new();

    /// <summary>How long one request may take, from waiting for a slot to its answer (default 30 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many prediction requests are read and scored at once (default: the processor count); others wait for a slot within <see cref="RequestTimeout"/>.</summary>
    public int MaxConcurrentRequests { get; set; } = Environment.ProcessorCount;

    /// <summary>Where each request's uploads go (a private 0700 folder made under it); null: the system's temporary folder.</summary>
    public string? UploadRoot { get; set; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (MaxRequestBytes <= 0) throw new ArgumentOutOfRangeException(nameof(MaxRequestBytes), $"MaxRequestBytes must be positive, got {MaxRequestBytes}.");
        if (MaxTextChars <= 0) throw new ArgumentOutOfRangeException(nameof(MaxTextChars), $"MaxTextChars must be positive, got {MaxTextChars}.");
        if (MaxBatchRows <= 0) throw new ArgumentOutOfRangeException(nameof(MaxBatchRows), $"MaxBatchRows must be positive, got {MaxBatchRows}.");
        if (RequestTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RequestTimeout), $"RequestTimeout must be positive, got {RequestTimeout}.");
        if (MaxConcurrentRequests <= 0) throw new ArgumentOutOfRangeException(nameof(MaxConcurrentRequests), $"MaxConcurrentRequests must be positive, got {MaxConcurrentRequests}.");
        ArgumentNullException.ThrowIfNull(Audio);
        ArgumentNullException.ThrowIfNull(Image);
        Audio.Validate();
        Image.Validate();
    }
}
