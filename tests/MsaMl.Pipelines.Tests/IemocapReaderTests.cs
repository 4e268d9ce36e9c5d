using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Datasets;
using MsaMl.Datasets.Speech;

namespace MsaMl.Pipelines.Tests;

public class IemocapReaderTests
{
    private static readonly string Root = FixturePaths.Of("iemocap", "IEMOCAP_full_release");

    private static DatasetTable<IemocapRecord> Read(Action<IemocapOptions>? configure = null)
    {
        var options = new IemocapOptions { RootFolder = Root };
        configure?.Invoke(options);
        return IemocapReader.Read(new MLContext(seed: 1), options);
    }

    private static Dictionary<string, int> CountBy(IEnumerable<IemocapRecord> records, Func<IemocapRecord, string> key) =>
        records.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void TenClassReadsEveryEvaluatedUtteranceExceptNoAgreement()
    {
        var table = Read();

        Assert.Equal(14, table.Records.Count);
        Assert.DoesNotContain(table.Records, r => r.Id == "Ses01F_impro01_F001");
        var expected = new Dictionary<string, int>
        {
            ["neu"] = 2, ["fru"] = 1, ["exc"] = 1, ["ang"] = 2, ["sad"] = 2,
            ["hap"] = 2, ["sur"] = 1, ["oth"] = 1, ["fea"] = 1, ["dis"] = 1,
        };
        Assert.Equal(expected.OrderBy(p => p.Key), CountBy(table.Records, r => r.Label).OrderBy(p => p.Key));
        Assert.Equal(14, table.Summary.Rows);
    }

    [Fact]
    public void RowCarriesTranscriptWavLabelVadSessionAndSpeaker()
    {
        var record = Read().Records.Single(r => r.Id == "Ses01F_impro01_F000");

        Assert.Equal("Is this the line for the permits?", record.Text);
        Assert.Equal(Path.Combine(Root, "Session1", "sentences", "wav", "Ses01F_impro01", "Ses01F_impro01_F000.wav"), record.AudioPath);
        Assert.True(Path.IsPathFullyQualified(record.AudioPath));
        Assert.True(File.Exists(record.AudioPath));
        Assert.Equal("neu", record.Label);
        Assert.Equal((2.5f, 2.5f, 2.5f), (record.Valence, record.Arousal, record.Dominance));
        Assert.Equal(1, record.Session);
        Assert.Equal("Ses01_F", record.Speaker);
        Assert.Equal("Ses01F_impro01", record.Dialog);
        Assert.True(record.Improvised);
        Assert.Equal((6.2901f, 8.2357f), (record.StartSeconds, record.EndSeconds));
        Assert.Equal("Session1", record.Split);
        Assert.Equal("", record.ImagePath);
    }

    [Fact]
    public void SpeakerAndKindComeFromTheUtteranceId()
    {
        var records = Read().Records.ToDictionary(r => r.Id);

        var scripted = records["Ses01F_script01_1_F000"];
        Assert.False(scripted.Improvised);
        Assert.Equal("Ses01F_script01_1", scripted.Dialog);
        Assert.Equal("You promised me you'd call, and you didn't.", scripted.Text);
        Assert.Equal((1.5f, 4.0f, 4.0f), (scripted.Valence, scripted.Arousal, scripted.Dominance));

        var male = records["Ses05F_impro02_M000"];
        Assert.Equal("Ses05_M", male.Speaker);
        Assert.Equal(5, male.Session);
        Assert.Equal("fea", male.Label);
        Assert.Equal((2.0f, 3.5f, 2.0f), (male.Valence, male.Arousal, male.Dominance));
        Assert.Equal("Ses02_M", records["Ses02M_impro03_M000"].Speaker);
    }

    [Fact]
    public void KeepNoAgreementKeepsXxxUtterances()
    {
        var table = Read(o => o.KeepNoAgreement = true);

        Assert.Equal(15, table.Records.Count);
        Assert.Equal("xxx", table.Records.Single(r => r.Id == "Ses01F_impro01_F001").Label);
        Assert.DoesNotContain(table.Warnings, w => w.Contains("xxx"));
    }

    [Fact]
    public void FourClassMergesExcIntoHapAndDropsTheRest()
    {
        var table = Read(o => o.LabelSet = IemocapLabelSet.FourClass);

        Assert.Equal(9, table.Records.Count);
        Assert.Equal(
            new Dictionary<string, int> { ["ang"] = 2, ["hap"] = 3, ["neu"] = 2, ["sad"] = 2 }.OrderBy(p => p.Key),
            CountBy(table.Records, r => r.Label).OrderBy(p => p.Key));
        var excited = table.Records.Single(r => r.Id == "Ses01F_impro01_M001");
        Assert.Equal("hap", excited.Label);
        Assert.Equal("exc", excited.OriginalLabel);
        Assert.Equal(IemocapLabels.FourClass, IemocapLabels.Of(IemocapLabelSet.FourClass));
    }

    [Fact]
    public void DialogKindFiltersImprovisedOrScripted()
    {
        var improvised = Read(o => o.DialogKind = IemocapDialogKind.Improvised);
        var scripted = Read(o => o.DialogKind = IemocapDialogKind.Scripted);

        Assert.Equal(11, improvised.Records.Count);
        Assert.All(improvised.Records, r => Assert.True(r.Improvised));
        Assert.Equal(["Ses01F_script01_1_F000", "Ses01F_script01_1_M000", "Ses01F_script01_1_F001"], scripted.Records.Select(r => r.Id));
    }

    [Fact]
    public void Session5TestSplitsTrainAndTestWithOptionalValidationSession()
    {
        var plain = Read(o => o.SplitProtocol = IemocapSplitProtocol.Session5Test);
        Assert.Equal(new Dictionary<string, int> { ["test"] = 4, ["train"] = 10 }, plain.Summary.PerSplit);
        Assert.All(plain.Records.Where(r => r.Split == "test"), r => Assert.Equal(5, r.Session));

        var withValidation = Read(o => { o.SplitProtocol = IemocapSplitProtocol.Session5Test; o.ValidationSession = 2; });
        Assert.Equal(new Dictionary<string, int> { ["test"] = 4, ["train"] = 6, ["validation"] = 4 }, withValidation.Summary.PerSplit);
        Assert.Contains("Session5 test, Session2 validation", withValidation.Name);
    }

    [Fact]
    public void ValidationSessionMustNotBeTheTestSession()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Read(o => { o.SplitProtocol = IemocapSplitProtocol.Session5Test; o.ValidationSession = 5; }));
        Assert.Contains("ValidationSession", error.Message);
    }

    [Fact]
    public void LeaveOneSessionOutGivesOneFoldPerSession()
    {
        var table = Read();
        var folds = IemocapReader.LeaveOneSessionOutFolds(table);

        Assert.Equal([1, 2, 5], folds.Select(f => f.TestSession));
        Assert.Equal([6, 4, 4], folds.Select(f => f.Test.Count));
        Assert.Equal([8, 10, 10], folds.Select(f => f.Train.Count));
        foreach (var fold in folds)
        {
            Assert.All(fold.Test, r => Assert.Equal(fold.TestSession, r.Session));
            Assert.DoesNotContain(fold.Train, r => r.Session == fold.TestSession);
        }
        var context = new MLContext();
        Assert.Equal(4, context.Data.CreateEnumerable<IemocapRecord>(folds[2].TestData(context), reuseRowObject: false).Count());
        Assert.Equal("Session3", IemocapReader.SessionSplitName(3));
    }

    [Fact]
    public void MissingWavIsReportedAndKeptWithEmptyAudioPath()
    {
        var table = Read();

        var record = table.Records.Single(r => r.Id == "Ses01F_script01_1_M000");
        Assert.Equal("", record.AudioPath);
        Assert.Equal("I know. I'm sorry.", record.Text);
        Assert.Contains(table.Warnings, w => w.StartsWith("1 utterance(s) without a wav file") && w.Contains("Ses01F_script01_1_M000"));

        var strict = Read(o => o.RequireAudio = true);
        Assert.Equal(13, strict.Records.Count);
        Assert.Contains(strict.Warnings, w => w.StartsWith("1 utterance(s) without a wav file") && w.Contains("dropped"));
    }

    [Fact]
    public void MissingTranscriptXxLinesXxxAndAbsentSessionsAreCountedInWarnings()
    {
        var table = Read();

        Assert.Equal("", table.Records.Single(r => r.Id == "Ses02M_impro03_F001").Text);
        Assert.Contains(table.Warnings, w => w.StartsWith("1 utterance(s) without a transcript line") && w.Contains("Ses02M_impro03_F001"));
        Assert.Contains(table.Warnings, w => w.StartsWith("2 transcription line(s) skipped whose id contains XX or that carry no id")); // MXX0 and F:[LAUGHTER]
        Assert.Contains(table.Warnings, w => w.StartsWith("1 utterance(s) labelled xxx") && w.Contains("Ses01F_impro01_F001"));
        Assert.Contains(table.Warnings, w => w == "2 session folder(s) not found: Session3, Session4");
        Assert.Equal(13, Read(o => o.RequireText = true).Records.Count);
    }

    [Fact]
    public void UtterancesLeftOutOfTheLabelSetAreCountedByClassAgainstAllEvaluated()
    {
        // The fixture evaluates 15 utterances: neu x2, hap x2, ang x2, sad x2, exc, fru, xxx, sur, oth, fea, dis.
        var ten = Read();
        Assert.Contains("14 of 15 evaluated utterance(s) belong to the 10-class set; 1 excluded", ten.Warnings);

        var four = Read(o => o.LabelSet = IemocapLabelSet.FourClass);
        Assert.Contains("6 utterance(s) of classes outside the 4-class set (exc merged into hap) excluded: dis=1, fea=1, fru=1, oth=1, sur=1, xxx=1", four.Warnings);
        Assert.Contains("9 of 15 evaluated utterance(s) belong to the 4-class set (exc merged into hap); 6 excluded", four.Warnings);
        Assert.Equal(9, four.Records.Count);

        var improvised = Read(o => { o.LabelSet = IemocapLabelSet.FourClass; o.DialogKind = IemocapDialogKind.Improvised; });
        Assert.Contains("6 of 12 evaluated utterance(s) of improvised dialogs belong to the 4-class set (exc merged into hap); 6 excluded", improvised.Warnings);
    }

    [Fact]
    public void DataViewHasStandardAndIemocapColumns()
    {
        var table = Read();
        var schema = table.Data.Schema;

        Assert.Equal(TextDataViewType.Instance, schema["Text"].Type);
        Assert.Equal(TextDataViewType.Instance, schema["AudioPath"].Type);
        Assert.Equal(TextDataViewType.Instance, schema["Label"].Type);
        Assert.Equal(NumberDataViewType.Single, schema["Valence"].Type);
        Assert.Equal(NumberDataViewType.Int32, schema["Session"].Type);
        Assert.Equal(BooleanDataViewType.Instance, schema["Improvised"].Type);
        Assert.Equal(14, table.Data.GetColumn<string>("Id").Count());
        Assert.Equal(7, table.Data.GetColumn<float>("Arousal").Count(a => a >= 3.5f));
    }

    [Fact]
    public void MalformedEvaluationLineNamesFileAndLine()
    {
        using var temp = new TempFolder();
        string file = temp.Write("Session1/dialog/EmoEvaluation/Ses01F_impro01.txt",
            "% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]\n\n" +
            "[6.2901 - 8.2357]\tSes01F_impro01_F000\tneu\t[2.5000, 2.5000, 2.5000]\nC-E2:\tNeutral;\t()\n\n" +
            "[10.0100 - 11.3925]\tSes01F_impro01_M000\tfru\t[2.0000, 3.5000]\n");

        var error = Assert.Throws<DatasetFormatException>(() =>
            IemocapReader.Read(new MLContext(), new IemocapOptions { RootFolder = temp.Path }));

        Assert.Equal(file, error.File);
        Assert.Equal(6, error.Line);
        Assert.Contains($"{file}, line 6:", error.Message);
    }

    [Fact]
    public void UnknownLabelAndMalformedTranscriptionNameFileAndLine()
    {
        using var temp = new TempFolder();
        string evaluation = temp.Write("Session1/dialog/EmoEvaluation/Ses01F_impro01.txt",
            "% header\n\n[6.2901 - 8.2357]\tSes01F_impro01_F000\tjoy\t[2.5000, 2.5000, 2.5000]\n");
        var badLabel = Assert.Throws<DatasetFormatException>(() =>
            IemocapReader.Read(new MLContext(), new IemocapOptions { RootFolder = temp.Path }));
        Assert.Contains($"{evaluation}, line 3:", badLabel.Message);
        Assert.Contains("joy", badLabel.Message);

        temp.Write("Session1/dialog/EmoEvaluation/Ses01F_impro01.txt",
            "% header\n\n[6.2901 - 8.2357]\tSes01F_impro01_F000\tneu\t[2.5000, 2.5000, 2.5000]\n");
        string transcription = temp.Write("Session1/dialog/transcriptions/Ses01F_impro01.txt",
            "Ses01F_impro01_F000 [006.2901-008.2357]: Hello.\nSes01F_impro01_M000 no time range here\n");
        var badTurn = Assert.Throws<DatasetFormatException>(() =>
            IemocapReader.Read(new MLContext(), new IemocapOptions { RootFolder = temp.Path }));
        Assert.Contains($"{transcription}, line 2:", badTurn.Message);
    }

    [Fact]
    public void WrongRootNamesTheFolderAndWhatWasExpected()
    {
        string sessionFolder = Path.Combine(Root, "Session1");
        var error = Assert.Throws<DatasetRootException>(() =>
            IemocapReader.Read(new MLContext(), new IemocapOptions { RootFolder = sessionFolder }));

        Assert.Equal(sessionFolder, error.Folder);
        Assert.StartsWith(sessionFolder, error.Message);
        Assert.Contains("IEMOCAP_full_release", error.Message);

        string missing = Path.Combine(Root, "no-such-folder");
        Assert.Contains("does not exist", Assert.Throws<DatasetRootException>(() =>
            IemocapReader.Read(new MLContext(), new IemocapOptions { RootFolder = missing })).Message);
    }
}
