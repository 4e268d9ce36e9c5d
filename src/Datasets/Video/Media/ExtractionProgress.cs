namespace MsaMl.Datasets.Video;

/// <summary>Progress of a batch of audio extractions: after each clip, how many of how many are done.</summary>
/// <param name="Done">Clips handled so far (extracted, already cached, or failed).</param>
/// <param name="Total">Clips in the batch.</param>
/// <param name="Clip">The clip just handled (its video path).</param>
/// <param name="Cached">True when the WAV was already in the cache and ffmpeg did not run.</param>
public readonly record struct ExtractionProgress(int Done, int Total, string Clip, bool Cached);
