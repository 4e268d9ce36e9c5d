using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio.Segmentation;

/// <summary>
/// Options of <see cref="SpeechSegmenter"/>: energy-based voice activity on 10 ms frames. A frame is
/// voiced when its level (10 log10 of the mean square, in dB relative to full scale) is above
/// <see cref="ThresholdDb"/>; a pause of at least <see cref="MinPauseSeconds"/> ends a segment; a
/// segment is cut at <see cref="MaxSegmentSeconds"/>; voiced runs shorter than
/// <see cref="MinSegmentSeconds"/> (clicks, breaths) are dropped.
/// </summary>
public sealed class SpeechSegmenterOptions
{
    /// <summary>Frame level above which a frame is voiced, in dBFS (-120 to 0; default -40: quiet speech is about -30).</summary>
    public double ThresholdDb { get; set; } = -40;

    /// <summary>Shortest silence that ends a segment, in seconds (default 0.3: shorter gaps are pauses inside an utterance).</summary>
    public double MinPauseSeconds { get; set; } = 0.3;

    /// <summary>Shortest segment kept, in seconds (default 0.25).</summary>
    public double MinSegmentSeconds { get; set; } = 0.25;

    /// <summary>Longest segment, in seconds (default 10, at most 600): longer speech is cut into several.</summary>
    public double MaxSegmentSeconds { get; set; } = 10;

    /// <summary>Checks every value against its range; returns the options.</summary>
    public SpeechSegmenterOptions Validate()
    {
        OptionCheck.Require(ThresholdDb is >= -120 and < 0, nameof(ThresholdDb), ThresholdDb, "expected a level in dBFS from -120 to below 0");
        OptionCheck.Require(MinPauseSeconds is > 0 and <= 60, nameof(MinPauseSeconds), MinPauseSeconds, "expected more than 0 and at most 60 seconds");
        OptionCheck.Require(MinSegmentSeconds is > 0 and <= 60, nameof(MinSegmentSeconds), MinSegmentSeconds, "expected more than 0 and at most 60 seconds");
        OptionCheck.Require(MaxSegmentSeconds > MinSegmentSeconds && MaxSegmentSeconds <= 600, nameof(MaxSegmentSeconds), MaxSegmentSeconds,
            $"expected more than MinSegmentSeconds ({OptionCheck.Show(MinSegmentSeconds)}) and at most 600 seconds");
        return this;
    }
}
