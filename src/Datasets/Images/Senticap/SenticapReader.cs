using Microsoft.ML;

namespace MsaMl.Datasets.Images;

/// <summary>
/// Reads SentiCap: one row per sentiment caption with its image path, the caption, the label
/// <c>positive</c>/<c>negative</c> and the dataset's own split (<c>val</c> becomes <c>validation</c>).
/// Accepts the original release's <c>senticap_dataset.json</c> and <c>senticap_dataset.csv</c> (which
/// has no split: the reader splits it by image, see <see cref="SenticapOptions.Split"/>) and the
/// Kaggle <c>senticap.csv</c>. Without an image folder the captions are read as text only.
/// </summary>
public static class SenticapReader
{
    /// <summary>The original release's annotation file name.</summary>
    public const string JsonFileName = "senticap_dataset.json";

    /// <summary>The original release's CSV (<c>filename,is_positive_sentiment,caption</c>, no split).</summary>
    public const string OfficialCsvFileName = "senticap_dataset.csv";

    /// <summary>The Kaggle re-packaging's annotation file name.</summary>
    public const string CsvFileName = "senticap.csv";

    private static readonly string[] DefaultImageFolders = ["Images", "senticap_images", "val2014"];

    /// <summary>Reads the captions named by <see cref="SenticapOptions.AnnotationPath"/>.</summary>
    /// <exception cref="DatasetRootException">No annotation file, or the image folder given does not exist.</exception>
    /// <exception cref="DatasetFormatException">The annotation file is malformed.</exception>
    public static DatasetTable<SenticapRecord> Read(MLContext context, SenticapOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AnnotationPath))
            throw new ArgumentException($"SenticapOptions.AnnotationPath is empty; give {JsonFileName}, {OfficialCsvFileName}, {CsvFileName} or the folder holding one", nameof(options));
        string annotationFile = FindAnnotationFile(Path.GetFullPath(options.AnnotationPath));
        string? imageFolder = FindImageFolder(annotationFile, options.ImageFolder);

        var captions = annotationFile.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? SenticapCsvFile.Read(annotationFile)
            : SenticapJsonFile.Read(annotationFile);

        var records = new List<SenticapRecord>(captions.Count);
        var missingImages = new SortedSet<string>(StringComparer.Ordinal);
        int captionsWithoutImage = 0;
        foreach (var caption in captions)
        {
            string image = imageFolder is null ? "" : Path.Combine(imageFolder, caption.ImageFile);
            bool hasImage = imageFolder is not null && File.Exists(image);
            if (imageFolder is not null && !hasImage)
            {
                missingImages.Add(caption.ImageFile);
                captionsWithoutImage++;
            }
            records.Add(new SenticapRecord
            {
                Id = $"{Path.GetFileNameWithoutExtension(caption.ImageFile)}#{caption.CaptionIndex}",
                Text = caption.Raw,
                ImagePath = hasImage ? image : "",
                Label = caption.Positive ? "positive" : "negative",
                Split = caption.Split,
                ImageFile = caption.ImageFile,
                CaptionIndex = caption.CaptionIndex,
                Tokens = caption.Tokens,
            });
        }

        var warnings = new List<string>();
        if (imageFolder is null)
            warnings.Add($"no image folder ({string.Join(", ", DefaultImageFolders)}) next to {Path.GetFileName(annotationFile)}: read as text only, every ImagePath is empty; set SenticapOptions.ImageFolder to the COCO val2014 folder for the images");
        WarningList.AddCounted(warnings,
            $"image(s) not found in {imageFolder} ({captionsWithoutImage} caption(s) kept with an empty ImagePath)", missingImages);

        string name = "SentiCap";
        if (records.Any(r => r.Split.Length == 0))
        {
            var split = GroupStratifiedSplit.Assign(records, r => r.ImageFile, options.Split);
            name += $" ({Path.GetFileName(annotationFile)} has no split column: split by image, so no image's captions are on two sides, "
                + $"{options.Split.Describe()}, stratified by label, {split.Groups} images)";
        }
        return new DatasetTable<SenticapRecord>(context, name, records, warnings);
    }

    private static string FindAnnotationFile(string path)
    {
        if (File.Exists(path)) return path;
        if (!Directory.Exists(path))
            throw new DatasetRootException(path, $"no such file or folder; expected {JsonFileName}, {OfficialCsvFileName}, {CsvFileName} or the folder holding one");
        foreach (string name in new[] { JsonFileName, OfficialCsvFileName, CsvFileName })
        {
            string candidate = Path.Combine(path, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new DatasetRootException(path, $"neither {JsonFileName} nor {OfficialCsvFileName} (original SentiCap release) nor {CsvFileName} (Kaggle re-packaging) is in this folder");
    }

    private static string? FindImageFolder(string annotationFile, string? imageFolder)
    {
        if (imageFolder is not null)
        {
            string full = Path.GetFullPath(imageFolder);
            return Directory.Exists(full) ? full
                : throw new DatasetRootException(full, "the image folder does not exist; expected the COCO val2014 folder (or the Kaggle Images folder) holding the images by file name");
        }
        string folder = Path.GetDirectoryName(annotationFile)!;
        foreach (string name in DefaultImageFolders)
        {
            string candidate = Path.Combine(folder, name);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
