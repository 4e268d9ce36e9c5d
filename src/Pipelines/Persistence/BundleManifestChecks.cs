namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// Checks that a deserialized manifest has every part a bundle needs (JSON null or a missing field leaves a
/// C# null behind), that every entry a stage names is listed with a hash, and that the class names are usable,
/// so that a damaged manifest is one <see cref="InvalidDataException"/> naming the bundle and the field.
/// </summary>
internal static class BundleManifestChecks
{
    public static void Check(BundleManifest manifest, string path)
    {
        InvalidDataException Bad(string problem) => new($"{path}: manifest.json: {problem}; the bundle is damaged or was altered.");

        if (manifest.Sha256 is null) throw Bad("'Sha256' is missing or null; expected the SHA-256 of every entry");
        foreach (var (entry, hash) in manifest.Sha256)
            if (hash is null || hash.Length != 64 || !hash.All(Uri.IsHexDigit)) throw Bad($"'Sha256' of entry '{entry}' is '{hash}'; expected 64 hex digits");

        if (manifest.InputSchema is null) throw Bad("'InputSchema' is missing or null; expected the input columns");
        for (int i = 0; i < manifest.InputSchema.Count; i++)
            if (manifest.InputSchema[i] is not { Name.Length: > 0, Type.Length: > 0 })
                throw Bad($"input column {i} has no name or type");

        if (manifest.LabelNames is null) throw Bad("'LabelNames' is missing or null; expected the class names (empty for regression)");
        if (manifest.LabelNames.Any(string.IsNullOrWhiteSpace)) throw Bad("'LabelNames' holds an empty class name");
        var repeated = manifest.LabelNames.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated != null) throw Bad($"'LabelNames' lists class '{repeated.Key}' twice; expected distinct names");

        if (manifest.Stages is not { Count: > 0 }) throw Bad("'Stages' is missing, null or empty; expected the stages of the chain");
        for (int index = 0; index < manifest.Stages.Count; index++)
        {
            var stage = manifest.Stages[index] ?? throw Bad($"stage {index} is null");
            string what = $"stage {index} ('{stage.Kind}')";
            if (string.IsNullOrWhiteSpace(stage.Kind)) throw Bad($"stage {index} has no 'Kind'");
            if (stage.Artifacts is null) throw Bad($"{what} has no 'Artifacts' (expected an object, empty when none)");
            if (stage.Files is null) throw Bad($"{what} has no 'Files' (expected an object, empty when none)");
            if (stage.Kind == BundleStage.MlNetKind) Listed(stage.Entry, $"{what} 'Entry'");
            foreach (var (name, entry) in stage.Artifacts) Listed(entry, $"{what} artifact '{name}'");
            foreach (var (option, file) in stage.Files)
            {
                if (file is not { FileName: not null, Sha256: not null }) throw Bad($"{what} file '{option}' has no file name or SHA-256");
                if (file.Entry != null) Listed(file.Entry, $"{what} file '{option}'");
            }
        }

        void Listed(string? entry, string what)
        {
            if (string.IsNullOrEmpty(entry)) throw Bad($"{what} names no entry");
            if (!manifest.Sha256.ContainsKey(entry)) throw Bad($"{what} names entry '{entry}', which 'Sha256' does not list");
        }
    }

    /// <summary>The entries the stages read: ML.NET stages, artifacts and embedded files.</summary>
    public static HashSet<string> UsedEntries(BundleManifest manifest) =>
        manifest.Stages.SelectMany(s => s.Artifacts.Values
                .Concat(s.Files.Values.Select(f => f.Entry))
                .Append(s.Kind == BundleStage.MlNetKind ? s.Entry : null))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
}
