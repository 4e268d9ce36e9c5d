using Microsoft.ML;

namespace MsaMl.Pipelines.Datasets;

/// <summary>
/// Reads SentiCap: one row per sentiment caption with its image path, the caption, the label
/// <c>positive</c>/<c>negative</c> and the dataset's own split (<c>val</c> becomes <c>validation</c>).
/// Accepts the original <c>senticap_dataset.json</c> and the Kaggle <c>senticap.csv</c>.
/// </summary>
public static class SenticapReader
{
    /// <summary>The original release's annotation file name.</summary>
    public const string JsonFileName = "senticap_dataset.json";

    /// <summary>The Kaggle re-packaging's annotation file name.</summary>
    public const string CsvFileName = "senticap.csv";

    private static readonly string[] DefaultImageFolders = ["Images", "senticap_images", "val2014"];

    /// <summary>Reads the captions named by <see cref="SenticapOptions.AnnotationPath"/>.</summary>
    /// <exception cref="DatasetRootException">No annotation file or no image folder where one was expected.</exception>
    /// <exception cref="DatasetFormatException">The annotation file is malformed.</exception>
    public static DatasetTable<SenticapRecord> Read(MLContext context, SenticapOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AnnotationPath))
            throw new ArgumentException($"SenticapOptions.AnnotationPath is empty; give {JsonFileName}, {CsvFileName} or the folder holding one", nameof(options));
        string annotationFile = FindAnnotationFile(Path.GetFullPath(options.AnnotationPath));
        string imageFolder = FindImageFolder(annotationFile, options.ImageFolder);

        var captions = annotationFile.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? SenticapCsvFile.Read(annotationFile)
            : SenticapJsonFile.Read(annotationFile);

        var records = new List<SenticapRecord>(captions.Count);
        var missingImages = new SortedSet<string>(StringComparer.Ordinal);
        int captionsWithoutImage = 0;
        foreach (var caption in captions)
        {
            string image = Path.Combine(imageFolder, caption.ImageFile);
            bool hasImage = File.Exists(image);
            if (!hasImage)
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
        WarningList.AddCounted(warnings,
            $"image(s) not found in {imageFolder} ({captionsWithoutImage} caption(s) kept with an empty ImagePath)", missingImages);
        return new DatasetTable<SenticapRecord>(context, "SentiCap", records, warnings);
    }

    private static string FindAnnotationFile(string path)
    {
        if (File.Exists(path)) return path;
        if (!Directory.Exists(path))
            throw new DatasetRootException(path, $"no such file or folder; expected {JsonFileName}, {CsvFileName} or the folder holding one");
        foreach (string name in new[] { JsonFileName, CsvFileName })
        {
            string candidate = Path.Combine(path, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new DatasetRootException(path, $"neither {JsonFileName} (original SentiCap release) nor {CsvFileName} (Kaggle re-packaging) is in this folder");
    }

    private static string FindImageFolder(string annotationFile, string? imageFolder)
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
        throw new DatasetRootException(folder,
            $"no image folder ({string.Join(", ", DefaultImageFolders)}) next to {Path.GetFileName(annotationFile)}; set SenticapOptions.ImageFolder to the COCO val2014 folder");
    }
}
