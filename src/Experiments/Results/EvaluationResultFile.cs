using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MsaMl.Experiments;

/// <summary>
/// Writes and reads result files: an <see cref="EvaluationResultDocument"/> as indented JSON,
/// written through a temporary file and a rename. NaN and infinities are written as the strings
/// "NaN", "Infinity", "-Infinity"; enums as their names.
/// </summary>
public static class EvaluationResultFile
{
    /// <summary>The JSON settings of result files (indented, enums as names, named floating-point literals).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the result of a multi-seed experiment.</summary>
    /// <param name="path">The .json file to write (its folder is created if needed).</param>
    /// <param name="result">The runs and their summary.</param>
    /// <param name="options">The full options object of the experiment (any JSON-serializable object, or a <see cref="JsonNode"/>); null if there is none.</param>
    /// <param name="protocol">The evaluation protocol the metrics follow (<see cref="EvaluationResultDocument.Protocol"/>); null if none.</param>
    /// <returns>The document written.</returns>
    public static EvaluationResultDocument Write<TMetrics>(string path, MultiSeedResult<TMetrics> result, object? options, string? protocol = null)
        where TMetrics : INamedMetrics
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = NewDocument("multi-seed", options, result.Seeds, result.Summary);
        document.Protocol = protocol;
        document.Runs.AddRange(result.Runs.Select(r => new EvaluationRunRecord(
            $"seed {r.Seed}", r.Seed, r.Elapsed.TotalSeconds, Copy(r.Metrics.ToNamedValues()))));
        Write(path, document);
        return document;
    }

    /// <summary>Writes the result of a (leave-one-session-out) cross-validation.</summary>
    /// <param name="path">The .json file to write (its folder is created if needed).</param>
    /// <param name="result">The folds and their summary.</param>
    /// <param name="options">The full options object of the experiment (any JSON-serializable object, or a <see cref="JsonNode"/>); null if there is none.</param>
    /// <param name="seeds">The seed or seeds the folds were trained with.</param>
    /// <returns>The document written.</returns>
    public static EvaluationResultDocument Write<TMetrics>(string path, CrossValidationResult<TMetrics> result, object? options, IEnumerable<int> seeds)
        where TMetrics : INamedMetrics
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(seeds);
        var document = NewDocument("leave-one-session-out", options, seeds, result.Summary);
        document.Runs.AddRange(result.Folds.Select(f => new EvaluationRunRecord(
            f.TestKey, null, f.Elapsed.TotalSeconds, Copy(f.Metrics.ToNamedValues()))));
        Write(path, document);
        return document;
    }

    /// <summary>Writes a document as it is.</summary>
    /// <param name="path">The .json file to write (its folder is created if needed).</param>
    /// <param name="document">The document.</param>
    public static void Write(string path, EvaluationResultDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, JsonOptions));
    }

    /// <summary>Reads a result file.</summary>
    /// <param name="path">A file written by <see cref="Write(string, EvaluationResultDocument)"/> or its overloads.</param>
    public static EvaluationResultDocument Read(string path)
    {
        var document = JsonSerializer.Deserialize<EvaluationResultDocument>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path}: empty result file.");
        if (document.FormatVersion != EvaluationResultDocument.CurrentFormatVersion)
            throw new InvalidDataException($"{path}: result format version {document.FormatVersion}; this MsaMl reads version {EvaluationResultDocument.CurrentFormatVersion}.");
        return document;
    }

    /// <summary>The options object as JSON: a <see cref="JsonNode"/> is copied, anything else serialized by its runtime type.</summary>
    /// <param name="options">The options object, or null.</param>
    public static JsonNode? SerializeOptions(object? options) => options switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(options, options.GetType(), JsonOptions),
    };

    private static EvaluationResultDocument NewDocument(string kind, object? options, IEnumerable<int> seeds, IReadOnlyDictionary<string, MetricSummary> summary) => new()
    {
        Kind = kind,
        CreatedUtc = DateTime.UtcNow,
        Versions = PackageVersions.Current(),
        Options = SerializeOptions(options),
        Seeds = seeds.ToList(),
        Summary = summary.ToDictionary(p => p.Key, p => p.Value),
    };

    private static IReadOnlyDictionary<string, double> Copy(IReadOnlyDictionary<string, double> values) =>
        values.ToDictionary(p => p.Key, p => p.Value);
}
