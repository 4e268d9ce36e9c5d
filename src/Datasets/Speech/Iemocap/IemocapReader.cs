using Microsoft.ML;

namespace MsaMl.Datasets.Speech;

/// <summary>
/// Reads IEMOCAP as distributed (<c>IEMOCAP_full_release/Session{1..5}</c>): one row per evaluated
/// utterance with its transcript, wav path, categorical label, valence/arousal/dominance, session and speaker.
/// </summary>
public static class IemocapReader
{
    private const string RootExpectation =
        "expected the IEMOCAP_full_release folder, which holds Session1 to Session5, each with dialog/EmoEvaluation/<dialog>.txt, dialog/transcriptions/<dialog>.txt and sentences/wav/<dialog>/<utterance>.wav";

    /// <summary>Reads the dataset under <see cref="IemocapOptions.RootFolder"/>.</summary>
    /// <exception cref="DatasetRootException">The folder does not exist or holds no IEMOCAP session.</exception>
    /// <exception cref="DatasetFormatException">An evaluation or transcription line is malformed.</exception>
    public static DatasetTable<IemocapRecord> Read(MLContext context, IemocapOptions options)
    {
        CheckOptions(options);
        string root = Path.GetFullPath(options.RootFolder);
        if (!Directory.Exists(root))
            throw new DatasetRootException(root, "the folder does not exist; " + RootExpectation);

        int[] sessions = Enumerable.Range(1, 5).Where(n => Directory.Exists(SessionFolder(root, n))).ToArray();
        if (sessions.Length == 0)
            throw new DatasetRootException(root, "no Session1 to Session5 folders here; " + RootExpectation);

        var warnings = new List<string>();
        var missingSessions = Enumerable.Range(1, 5).Except(sessions).Select(SessionSplitName).ToList();
        WarningList.AddCounted(warnings, "session folder(s) not found", missingSessions);

        var scan = new SessionScan();
        foreach (int session in sessions)
            ReadSession(root, session, options, scan);

        var records = scan.Records;
        WarningList.AddCounted(warnings, "utterance(s) labelled xxx (no agreement) excluded", scan.NoAgreement);
        if (scan.OutsideLabelSet.Count > 0)
        {
            var counts = scan.OutsideLabelSet.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}");
            warnings.Add($"{scan.OutsideLabelSet.Values.Sum()} utterance(s) of classes outside the {LabelSetName(options.LabelSet)} excluded: {string.Join(", ", counts)}");
        }
        int excluded = scan.NoAgreement.Count + scan.OutsideLabelSet.Values.Sum();
        if (excluded > 0)
            warnings.Add($"{scan.Evaluated - excluded} of {scan.Evaluated} evaluated utterance(s){DialogKindName(options.DialogKind)} belong to the {LabelSetName(options.LabelSet)}; {excluded} excluded");
        WarningList.AddCounted(warnings, $"utterance(s) without a wav file under Session{{n}}/sentences/wav{(options.RequireAudio ? " dropped" : ", kept with an empty AudioPath")}", scan.MissingWav);
        WarningList.AddCounted(warnings, $"utterance(s) without a transcript line{(options.RequireText ? " dropped" : ", kept with an empty Text")}", scan.MissingText);
        WarningList.AddCounted(warnings, "dialog(s) without a transcription file", scan.MissingTranscriptionFiles);
        if (scan.SkippedTranscriptLines > 0)
            warnings.Add($"{scan.SkippedTranscriptLines} transcription line(s) skipped whose id contains XX or that carry no id (speaker-only lines such as 'F:[LAUGHTER]'; turns without an utterance wav)");
        if (options.SplitProtocol == IemocapSplitProtocol.Session5Test && !records.Any(r => r.Session == 5))
            warnings.Add("Session5Test split: no utterance from Session5 was read, so the test split is empty");

        return new DatasetTable<IemocapRecord>(context, $"IEMOCAP ({Describe(options)})", records, warnings);
    }

    /// <summary>The split name of a session under <see cref="IemocapSplitProtocol.SessionName"/>: <c>Session1</c> to <c>Session5</c>.</summary>
    public static string SessionSplitName(int session) => $"Session{session}";

    /// <summary>
    /// Leave-one-session-out folds, one per session present in <paramref name="table"/> (in session
    /// order): that session's rows are the test set, all other rows the training set.
    /// </summary>
    public static IReadOnlyList<IemocapFold> LeaveOneSessionOutFolds(DatasetTable<IemocapRecord> table) =>
        table.Records.Select(r => r.Session).Distinct().Order()
            .Select(session => new IemocapFold(
                session,
                table.Records.Where(r => r.Session != session).ToList(),
                table.Records.Where(r => r.Session == session).ToList()))
            .ToList();

    /// <summary>The protocol in words, e.g. "10 classes, improvised and scripted, split by session".</summary>
    public static string Describe(IemocapOptions options)
    {
        string labels = options.LabelSet == IemocapLabelSet.FourClass ? "4 classes (exc merged into hap)"
            : options.KeepNoAgreement ? "10 classes and xxx" : "10 classes";
        string kind = options.DialogKind switch
        {
            IemocapDialogKind.Improvised => "improvised only",
            IemocapDialogKind.Scripted => "scripted only",
            _ => "improvised and scripted",
        };
        string split = options.SplitProtocol == IemocapSplitProtocol.SessionName ? "split by session"
            : options.ValidationSession is int v ? $"Session5 test, Session{v} validation" : "Session5 test";
        return $"{labels}, {kind}, {split}";
    }

    private static void CheckOptions(IemocapOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RootFolder))
            throw new ArgumentException("IemocapOptions.RootFolder is empty; " + RootExpectation, nameof(options));
        if (options.ValidationSession is int v && (v < 1 || v > 4))
            throw new ArgumentException($"IemocapOptions.ValidationSession must be 1 to 4 (Session5 is the test session), not {v}", nameof(options));
    }

    private static string SessionFolder(string root, int session) => Path.Combine(root, SessionSplitName(session));

    private static void ReadSession(string root, int session, IemocapOptions options, SessionScan scan)
    {
        string sessionFolder = SessionFolder(root, session);
        string evaluationFolder = Path.Combine(sessionFolder, "dialog", "EmoEvaluation");
        if (!Directory.Exists(evaluationFolder))
            throw new DatasetRootException(sessionFolder, "no dialog/EmoEvaluation folder; " + RootExpectation);

        // Top level only: the Categorical/, Attribute/ and Self-evaluation/ sub-folders hold per-annotator files.
        var evaluationFiles = Directory.GetFiles(evaluationFolder, "*.txt", SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).StartsWith("._", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (string evaluationFile in evaluationFiles)
        {
            string dialog = Path.GetFileNameWithoutExtension(evaluationFile);
            var transcription = ReadTranscription(sessionFolder, dialog, scan);
            foreach (var utterance in EmoEvaluationFile.Read(evaluationFile))
                AddUtterance(sessionFolder, session, dialog, evaluationFile, utterance, transcription, options, scan);
        }
    }

    private static Transcription? ReadTranscription(string sessionFolder, string dialog, SessionScan scan)
    {
        string path = Path.Combine(sessionFolder, "dialog", "transcriptions", dialog + ".txt");
        if (!File.Exists(path))
        {
            scan.MissingTranscriptionFiles.Add(dialog);
            return null;
        }
        var transcription = TranscriptionFile.Read(path);
        scan.SkippedTranscriptLines += transcription.SkippedNonUtterances;
        return transcription;
    }

    private static void AddUtterance(
        string sessionFolder, int session, string dialog, string evaluationFile, EvaluatedUtterance utterance,
        Transcription? transcription, IemocapOptions options, SessionScan scan)
    {
        var id = IemocapUtteranceId.TryParse(utterance.Id);
        if (id is null || id.Session != session)
            throw new DatasetFormatException(evaluationFile, utterance.Line,
                $"'{utterance.Id}' is not an utterance id of Session{session} (expected e.g. Ses{session:D2}F_impro01_F000)");

        if (options.DialogKind == IemocapDialogKind.Improvised && !id.Improvised) return;
        if (options.DialogKind == IemocapDialogKind.Scripted && id.Improvised) return;

        scan.Evaluated++;
        string? label = IemocapLabels.Map(utterance.Label, options.LabelSet, options.KeepNoAgreement);
        if (label is null)
        {
            if (utterance.Label == IemocapLabels.NoAgreement && options.LabelSet == IemocapLabelSet.TenClass)
                scan.NoAgreement.Add(utterance.Id);
            else
                scan.OutsideLabelSet[utterance.Label] = scan.OutsideLabelSet.GetValueOrDefault(utterance.Label) + 1;
            return;
        }

        string wav = Path.Combine(sessionFolder, "sentences", "wav", dialog, utterance.Id + ".wav");
        bool hasWav = File.Exists(wav);
        string? text = null;
        bool hasText = transcription is not null && transcription.TextById.TryGetValue(utterance.Id, out text);
        if (!hasWav) scan.MissingWav.Add(utterance.Id);
        if (!hasText) scan.MissingText.Add(utterance.Id);
        if ((!hasWav && options.RequireAudio) || (!hasText && options.RequireText)) return;

        scan.Records.Add(new IemocapRecord
        {
            Id = utterance.Id,
            Text = text ?? "",
            AudioPath = hasWav ? wav : "",
            Label = label,
            OriginalLabel = utterance.Label,
            Split = SplitOf(session, options),
            Session = session,
            Speaker = id.Speaker,
            Dialog = dialog,
            Improvised = id.Improvised,
            Valence = utterance.Valence,
            Arousal = utterance.Arousal,
            Dominance = utterance.Dominance,
            StartSeconds = utterance.Start,
            EndSeconds = utterance.End,
        });
    }

    private static string SplitOf(int session, IemocapOptions options)
    {
        if (options.SplitProtocol == IemocapSplitProtocol.SessionName) return SessionSplitName(session);
        if (session == 5) return SplitNames.Test;
        return session == options.ValidationSession ? SplitNames.Validation : SplitNames.Train;
    }

    private static string LabelSetName(IemocapLabelSet set) => set == IemocapLabelSet.FourClass ? "4-class set (exc merged into hap)" : "10-class set";

    private static string DialogKindName(IemocapDialogKind kind) => kind switch
    {
        IemocapDialogKind.Improvised => " of improvised dialogs",
        IemocapDialogKind.Scripted => " of scripted dialogs",
        _ => "",
    };

    /// <summary>What reading the sessions has gathered so far.</summary>
    private sealed class SessionScan
    {
        public List<IemocapRecord> Records { get; } = [];
        public List<string> NoAgreement { get; } = [];
        public Dictionary<string, int> OutsideLabelSet { get; } = new(StringComparer.Ordinal);
        public int Evaluated { get; set; }
        public List<string> MissingWav { get; } = [];
        public List<string> MissingText { get; } = [];
        public List<string> MissingTranscriptionFiles { get; } = [];
        public int SkippedTranscriptLines { get; set; }
    }
}
