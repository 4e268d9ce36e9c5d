using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Core;

namespace MsaMl.Experiments;

/// <summary>
/// The training recordings also at other speeds (<see cref="SpeechAugmentation.WriteCopies"/>):
/// each copy is written once per run into a temporary folder, reused by every fold and seed, and
/// deleted on dispose (or at exit, Ctrl-C included). Only training rows are copied, so validation
/// and test rows stay the recordings themselves.
/// </summary>
public sealed class TrainingSpeedCopies : IDisposable
{
    private readonly IReadOnlyList<double> _speeds;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"msaml-speed-copies-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <param name="speeds">The speed factors (0.5 to 2); empty: no copies.</param>
    public TrainingSpeedCopies(IReadOnlyList<double> speeds)
    {
        _speeds = speeds;
        if (speeds.Count > 0) ExitCleanup.Register(_folder);
    }

    /// <summary>
    /// <paramref name="records"/> followed by one copy per speed of each training record with audio
    /// (and of each validation record when <paramref name="trainOnValidation"/>, the rows a pooled
    /// model trains on), labelled and split as the original. A copy at another speed has another
    /// pitch, so it joins as its own voice: the speaker "s1" becomes "s1@speed0.9", and per-speaker
    /// statistics learn it apart from the original (benchmarks/README.md, "Speech recipes on
    /// speaker-independent folds": +2.8 UA on EmoDB against one voice with the original's statistics).
    /// </summary>
    public IReadOnlyList<MultimodalRecord> Add(IReadOnlyList<MultimodalRecord> records, bool trainOnValidation, IProgress<FeaturizingProgress>? progress = null)
    {
        if (_speeds.Count == 0) return records;
        var sources = records.Where(r => r.AudioPath.Length > 0 && (r.Split == SplitNames.Train || (trainOnValidation && r.Split == SplitNames.Validation))).ToList();
        var result = new List<MultimodalRecord>(records.Count + sources.Count * _speeds.Count);
        result.AddRange(records);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < sources.Count; i++)
        {
            var r = sources[i];
            // One sub-folder per source folder: corpora reuse file names across folders (URDU's emotions).
            var paths = SpeechAugmentation.WriteCopies(r.AudioPath, Path.Combine(_folder, FolderKey(r.AudioPath)), _speeds, [], seed: 1);
            for (int k = 0; k < paths.Count; k++) result.Add(CopyOf(r, paths[k], _speeds[k]));
            if ((i + 1) % 32 == 0 || i + 1 == sources.Count) progress?.Report(new FeaturizingProgress("speed copies", i + 1, sources.Count, clock.Elapsed));
        }
        return result;
    }

    private static string FolderKey(string path) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "")))[..16];

    /// <summary>What a copy's id (and speaker) carries after the original's: "@speed0.9".</summary>
    public const string Marker = "@speed";

    /// <summary>Whether a record id is a speed copy's (<see cref="Marker"/> followed by its speed).</summary>
    public static bool IsCopy(string id) => id.Contains(Marker, StringComparison.Ordinal);

    private static MultimodalRecord CopyOf(MultimodalRecord r, string path, double speed)
    {
        var copy = r is IntensityRecord ? ExperimentTask.StandardIntensity(r) : r.ToStandard();
        string suffix = Marker + speed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        copy.Id = r.Id + suffix;
        copy.AudioPath = path;
        if (r.Speaker.Length > 0) copy.Speaker = r.Speaker + suffix;
        return copy;
    }

    /// <summary>Deletes the copies.</summary>
    public void Dispose()
    {
        if (_speeds.Count == 0) return;
        ExitCleanup.DeleteFolder(_folder);
        ExitCleanup.Forget(_folder);
    }
}
