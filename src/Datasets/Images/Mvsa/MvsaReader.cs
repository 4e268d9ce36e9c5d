using System.Globalization;
using Microsoft.ML;

namespace MsaMl.Datasets.Images;

/// <summary>
/// Reads MVSA-Single or MVSA-Multiple (told apart by the header of <c>labelResultAll.txt</c>): one
/// row per kept post with its tweet text, image path, text and image labels and the joint label.
/// The protocol (cleaning rule, split fractions, seed) is in the table's name.
/// </summary>
public static class MvsaReader
{
    /// <summary>The label file in the dataset folder.</summary>
    public const string LabelFileName = "labelResultAll.txt";

    private const string RootExpectation =
        "expected the MVSA_Single or MVSA (Multiple) folder, holding labelResultAll.txt and data/<ID>.txt, data/<ID>.jpg";

    /// <summary>Reads the dataset under <see cref="MvsaOptions.RootFolder"/>.</summary>
    /// <exception cref="DatasetRootException">The folder does not hold labelResultAll.txt and data/.</exception>
    /// <exception cref="DatasetFormatException">A line of labelResultAll.txt is malformed.</exception>
    public static DatasetTable<MvsaRecord> Read(MLContext context, MvsaOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RootFolder))
            throw new ArgumentException("MvsaOptions.RootFolder is empty; " + RootExpectation, nameof(options));
        string root = Path.GetFullPath(options.RootFolder);
        string labelFile = Path.Combine(root, LabelFileName);
        string dataFolder = Path.Combine(root, "data");
        if (!Directory.Exists(root)) throw new DatasetRootException(root, "the folder does not exist; " + RootExpectation);
        if (!File.Exists(labelFile)) throw new DatasetRootException(root, $"no {LabelFileName} here; " + RootExpectation);
        if (!Directory.Exists(dataFolder)) throw new DatasetRootException(root, "no data folder here; " + RootExpectation);

        var (posts, annotators) = MvsaLabelFile.Read(labelFile);
        var records = new List<MvsaRecord>();
        var ties = new List<string>();
        var conflicts = new List<string>();
        var missingText = new List<string>();
        var missingImage = new List<string>();
        foreach (var post in posts)
        {
            string? text = MvsaLabelRules.MajorityVote(post.Annotations.Select(a => a.Text).ToList());
            string? image = MvsaLabelRules.MajorityVote(post.Annotations.Select(a => a.Image).ToList());
            if (text is null || image is null) { ties.Add(post.Id); continue; }
            string? joint = MvsaLabelRules.Joint(text, image);
            if (joint is null) { conflicts.Add(post.Id); continue; }

            string textFile = Path.Combine(dataFolder, post.Id + ".txt");
            string imageFile = Path.Combine(dataFolder, post.Id + ".jpg");
            bool hasText = File.Exists(textFile), hasImage = File.Exists(imageFile);
            if (!hasText) missingText.Add(post.Id);
            if (!hasImage) missingImage.Add(post.Id);
            records.Add(new MvsaRecord
            {
                Id = post.Id,
                Text = hasText ? TweetText(textFile) : "",
                ImagePath = hasImage ? imageFile : "",
                Label = joint,
                TextLabel = text,
                ImageLabel = image,
            });
        }
        RandomSplit.Assign(records, options.TrainFraction, options.ValidationFraction, options.TestFraction, options.Seed);

        var warnings = new List<string>();
        WarningList.AddCounted(warnings, $"post(s) dropped because the {annotators} annotators' labels tie for text or image (no majority)", ties);
        WarningList.AddCounted(warnings, "post(s) dropped because text and image labels are opposite (positive vs negative)", conflicts);
        WarningList.AddCounted(warnings, "post(s) without data/<ID>.txt, kept with an empty Text", missingText);
        WarningList.AddCounted(warnings, "post(s) without data/<ID>.jpg, kept with an empty ImagePath", missingImage);
        string name = annotators == 1 ? "MVSA-Single" : "MVSA-Multiple";
        return new DatasetTable<MvsaRecord>(context, $"{name} ({Describe(options, annotators)})", records, warnings);
    }

    /// <summary>The protocol in words: label cleaning, split fractions and seed.</summary>
    public static string Describe(MvsaOptions options, int annotators)
    {
        string vote = annotators > 1 ? $"majority of {annotators} annotators per modality, ties dropped; " : "";
        string fractions = string.Join("/", new[] { options.TrainFraction, options.ValidationFraction, options.TestFraction }
            .Select(f => f.ToString("0.###", CultureInfo.InvariantCulture)));
        return $"{vote}joint label: positive vs negative dropped, neutral + X -> X; random split train/validation/test {fractions}, seed {options.Seed}";
    }

    // Tweets may span lines; a row keeps them on one.
    private static string TweetText(string path) =>
        string.Join(' ', TextFileDecoder.ReadAllText(path).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
