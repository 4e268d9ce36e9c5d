using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Transforms.Image;

namespace MsaMl.Experiments;

/// <summary>
/// The images that the image featurizers of a fitted chain treated as missing
/// (<see cref="UnreadableImagePolicy.MissingModality"/>), read pass by pass: each call returns
/// those skipped since the previous one, located among that pass's records
/// (<see cref="RecordInputErrors.Locate"/>), one line per image and row.
/// </summary>
public sealed class SkippedImages
{
    private readonly ImageWarnings[] _warnings;
    private readonly int[] _seen;

    public SkippedImages(ITransformer model)
    {
        _warnings = WarningsOf(model).ToArray();
        _seen = new int[_warnings.Length];
    }

    /// <summary>The images skipped since the last call, in the rows of the pass that read <paramref name="rows"/>.</summary>
    public IReadOnlyList<string> Since(IReadOnlyList<MultimodalRecord> rows, string? split = null)
    {
        var skipped = new List<Transforms.Core.MsaInputException>();
        for (int i = 0; i < _warnings.Length; i++)
        {
            var images = _warnings[i].Images;
            skipped.AddRange(images.Skip(_seen[i]));
            _seen[i] = images.Count;
        }
        // The pixel tensor and the pretrained features read the same file: one line for both.
        return skipped.DistinctBy(i => (i.Row, i.Value))
            .Select(i => RecordInputErrors.Locate(i, rows, split).Message + "; treated as a missing image")
            .ToList();
    }

    private static IEnumerable<ImageWarnings> WarningsOf(ITransformer model) =>
        Pipelines.Scoring.BundleScoring.Stages(model).SelectMany(stage => stage switch
        {
            ImageTensorTransformer tensor => [tensor.Warnings],
            PretrainedImageFeaturesTransformer features => [features.Warnings],
            _ => Array.Empty<ImageWarnings>(),
        });
}
