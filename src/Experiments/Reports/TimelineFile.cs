using System.Globalization;
using System.Text;
using System.Text.Json;
using MsaMl.Pipelines.Scoring;

namespace MsaMl.Experiments;

/// <summary>
/// A long recording's scored segments as a file: CSV (start, end, label, then one probability column
/// per class, or intensity) or, for a <c>.json</c> path, a JSON array of the same rows. Written
/// through a temporary file and a rename.
/// </summary>
public static class TimelineFile
{
    public static void Save(IReadOnlyList<TimelineSegment> segments, IReadOnlyList<string> classes, string path)
    {
        if (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            var rows = segments.Select(s => new
            {
                start = Math.Round(s.StartSeconds, 3), end = Math.Round(s.EndSeconds, 3), label = s.Label,
                probabilities = s.Intensity is null ? s.Probabilities : null, intensity = s.Intensity,
            });
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }));
            return;
        }
        var csv = new StringBuilder();
        bool regression = classes.Count == 0;
        csv.AppendLine(string.Join(",", new[] { "start", "end", regression ? "intensity" : "label" }.Concat(classes.Select(Quote))));
        foreach (var s in segments)
        {
            var cells = new List<string> { Number(s.StartSeconds), Number(s.EndSeconds), regression ? Number(s.Intensity ?? float.NaN) : Quote(s.Label ?? "") };
            cells.AddRange(classes.Select(c => Number(s.Probabilities.GetValueOrDefault(c))));
            csv.AppendLine(string.Join(",", cells));
        }
        AtomicFile.WriteAllText(path, csv.ToString());
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
