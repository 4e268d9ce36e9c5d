using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Datasets.Speech;
using MsaMl.Transforms.Audio;

namespace MsaMl.Pipelines.Tests;

/// <summary>
/// RAVDESS, CREMA-D, TESS and EmoDB readers on tiny generated WAVs under the corpora's real file
/// names (never copies of the corpora), including names that break each convention.
/// </summary>
public sealed class ActedSpeechReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _folder.Dispose();

    private string Wav(string relativePath)
    {
        string path = Path.Combine(_folder.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WavWriter.WritePcm16(path, Enumerable.Range(0, 160).Select(i => (float)Math.Sin(i * 0.3) * 0.2f).ToArray(), 16000);
        return path;
    }

    [Fact]
    public void RavdessReadsEmotionStatementActorAndGenderFromTheName()
    {
        string root = Path.Combine(_folder.Path, "ravdess");
        string angry = Wav("ravdess/Actor_01/03-01-05-02-01-02-01.wav");
        Wav("ravdess/Actor_02/03-01-08-01-02-01-02.wav");
        Wav("ravdess/Actor_19/03-01-02-01-01-01-19.wav");
        Wav("ravdess/Actor_22/03-01-06-02-02-02-22.wav");
        Wav("ravdess/Actor_01/03-02-03-01-01-01-01.wav");    // song
        Wav("ravdess/Actor_01/01-01-03-01-01-01-01.wav");    // audio-video modality
        Wav("ravdess/Actor_01/03-01-09-01-01-01-01.wav");    // emotion 09
        Wav("ravdess/Actor_01/03-01-01-01-01-01.wav");       // six fields
        Wav("ravdess/Actor_01/03-01-01-01-01-01-25.wav");    // actor 25
        Wav("ravdess/Actor_01/._03-01-05-02-01-02-01.wav");  // AppleDouble: not a recording, not counted
        Wav("ravdess/Actor_03/03-01-04-01-01-01-04.wav");    // actor 04 stored under Actor_03

        var table = RavdessReader.Read(_ml, new RavdessOptions { RootFolder = root });
        var records = table.Records.ToDictionary(r => r.Id);
        Assert.Equal(5, records.Count);
        var first = records["03-01-05-02-01-02-01"];
        Assert.Equal((EmotionVocabulary.Angry, "05", "Kids are talking by the door", "Actor_01", "male", "strong", "02", SplitNames.Train),
            (first.Label, first.CorpusLabel, first.Text, first.Speaker, first.Gender, first.Intensity, first.Take, first.Split));
        Assert.Equal(angry, first.AudioPath);
        Assert.Equal("RAVDESS", first.Corpus);
        var second = records["03-01-08-01-02-01-02"];
        Assert.Equal((EmotionVocabulary.Surprise, "Dogs are sitting by the door", "female", "normal"), (second.Label, second.Text, second.Gender, second.Intensity));
        Assert.Equal((EmotionVocabulary.Calm, SplitNames.Validation), (records["03-01-02-01-01-01-19"].Label, records["03-01-02-01-01-01-19"].Split));
        Assert.Equal((EmotionVocabulary.Fear, SplitNames.Test), (records["03-01-06-02-02-02-22"].Label, records["03-01-06-02-02-02-22"].Split));
        Assert.Equal("Actor_04", records["03-01-04-01-01-01-04"].Speaker);

        string warnings = string.Join("\n", table.Warnings);
        Assert.Contains("1 file(s) skipped: modality not 03 (audio-only): 01-01-03-01-01-01-01.wav", warnings);
        Assert.Contains("1 file(s) skipped: emotion not 01 to 08: 03-01-09-01-01-01-01.wav", warnings);
        Assert.Contains("1 file(s) skipped: name not of the form MM-VV-EE-II-SS-RR-AA (seven two-digit fields): 03-01-01-01-01-01.wav", warnings);
        Assert.Contains("1 file(s) skipped: actor not 01 to 24: 03-01-01-01-01-01-25.wav", warnings);
        Assert.Contains("stored under another Actor_XX folder: 03-01-04-01-01-01-04.wav", warnings);
        Assert.DoesNotContain("._", warnings);
    }

    [Fact]
    public void RavdessSpeechAndSongAreSelectable()
    {
        string root = Path.Combine(_folder.Path, "ravdess");
        Wav("ravdess/Actor_01/03-01-05-02-01-02-01.wav");
        Wav("ravdess/Actor_01/03-02-03-01-01-01-01.wav");
        int Count(RavdessVocalChannel channel) => RavdessReader.Read(_ml, new RavdessOptions { RootFolder = root, VocalChannel = channel }).Records.Count;
        Assert.Equal(1, Count(RavdessVocalChannel.Speech));
        Assert.Equal(1, Count(RavdessVocalChannel.Song));
        Assert.Equal(2, Count(RavdessVocalChannel.Both));
        Assert.Equal("03-02-03-01-01-01-01", RavdessReader.Read(_ml, new RavdessOptions { RootFolder = root, VocalChannel = RavdessVocalChannel.Song }).Records[0].Id);
    }

    [Fact]
    public void CremaDReadsSentenceEmotionLevelAndGenderFromDemographics()
    {
        string root = Path.Combine(_folder.Path, "CREMA-D", "AudioWAV");
        Wav("CREMA-D/AudioWAV/1001_DFA_ANG_XX.wav");
        Wav("CREMA-D/AudioWAV/1085_IEO_HAP_HI.wav");
        Wav("CREMA-D/AudioWAV/1075_TSI_SAD_LO.wav");
        Wav("CREMA-D/AudioWAV/1002_WSI_FEA_MD.wav");
        Wav("CREMA-D/AudioWAV/1001_XYZ_ANG_XX.wav");   // sentence code
        Wav("CREMA-D/AudioWAV/0999_DFA_ANG_XX.wav");   // actor
        Wav("CREMA-D/AudioWAV/1001_DFA_SUR_XX.wav");   // emotion
        Wav("CREMA-D/AudioWAV/1001_DFA_ANG.wav");      // three fields
        _folder.Write("CREMA-D/VideoDemographics.csv", "ActorID,Age,Sex,Race,Ethnicity\n1001,51,Male,Caucasian,Not Hispanic\n1085,29,Female,Asian,Not Hispanic\n1075,30,Female,Caucasian,Hispanic\n");

        var table = CremaDReader.Read(_ml, new CremaDOptions { RootFolder = root });
        var records = table.Records.ToDictionary(r => r.Id);
        Assert.Equal(4, records.Count);
        var angry = records["1001_DFA_ANG_XX"];
        Assert.Equal((EmotionVocabulary.Angry, "ANG", "Don't forget a jacket", "1001", "male", "unspecified", SplitNames.Train),
            (angry.Label, angry.CorpusLabel, angry.Text, angry.Speaker, angry.Gender, angry.Intensity, angry.Split));
        var happy = records["1085_IEO_HAP_HI"];
        Assert.Equal((EmotionVocabulary.Happy, "It's eleven o'clock", "female", "high", SplitNames.Test), (happy.Label, happy.Text, happy.Gender, happy.Intensity, happy.Split));
        Assert.Equal((EmotionVocabulary.Sad, "The surface is slick", "low", SplitNames.Validation),
            (records["1075_TSI_SAD_LO"].Label, records["1075_TSI_SAD_LO"].Text, records["1075_TSI_SAD_LO"].Intensity, records["1075_TSI_SAD_LO"].Split));
        Assert.Equal(("", "We'll stop in a couple of minutes"), (records["1002_WSI_FEA_MD"].Gender, records["1002_WSI_FEA_MD"].Text));

        string warnings = string.Join("\n", table.Warnings);
        Assert.Contains("1 file(s) skipped: sentence code not one of the 12", warnings);
        Assert.Contains("1 file(s) skipped: actor not 1001 to 1091: 0999_DFA_ANG_XX.wav", warnings);
        Assert.Contains("1 file(s) skipped: emotion not ANG, DIS, FEA, HAP, NEU or SAD: 1001_DFA_SUR_XX.wav", warnings);
        Assert.Contains("1 file(s) skipped: name not of the form AAAA_SSS_EEE_LL: 1001_DFA_ANG.wav", warnings);
        Assert.Contains("1 actor(s) missing from the demographics file, gender left empty: 1002", warnings);
    }

    [Fact]
    public void CremaDWithoutDemographicsSaysTheGenderIsEmpty()
    {
        Wav("crema/1001_DFA_ANG_XX.wav");
        var table = CremaDReader.Read(_ml, new CremaDOptions { RootFolder = Path.Combine(_folder.Path, "crema") });
        Assert.Equal("", table.Records.Single().Gender);
        Assert.Contains(table.Warnings, w => w.Contains("VideoDemographics.csv not found"));
    }

    [Fact]
    public void TessReadsSpeakerWordAndEmotion()
    {
        Wav("tess/OAF_angry/OAF_back_angry.wav");
        Wav("tess/YAF_pleasant_surprised/YAF_bite_ps.wav");
        Wav("tess/OAF_Fear/OAF_chair_Fear.wav");
        Wav("tess/OAF_angry/OAF_back.wav");           // two fields
        Wav("tess/OAF_angry/XAF_back_angry.wav");     // speaker
        Wav("tess/YAF_sad/YAF_back_bored.wav");       // emotion
        var table = TessReader.Read(_ml, new TessOptions { RootFolder = Path.Combine(_folder.Path, "tess") });
        var records = table.Records.ToDictionary(r => r.Id);
        Assert.Equal(3, records.Count);
        var ps = records["YAF_bite_ps"];
        Assert.Equal((EmotionVocabulary.Surprise, "ps", "Say the word bite", "YAF", "female", SplitNames.Test), (ps.Label, ps.CorpusLabel, ps.Text, ps.Speaker, ps.Gender, ps.Split));
        Assert.Equal((EmotionVocabulary.Fear, "Say the word chair", SplitNames.Train), (records["OAF_chair_Fear"].Label, records["OAF_chair_Fear"].Text, records["OAF_chair_Fear"].Split));
        Assert.Equal(3, table.Warnings.Count);
        Assert.Contains(table.Warnings, w => w == "1 file(s) skipped: speaker not OAF or YAF: XAF_back_angry.wav");
    }

    [Fact]
    public void EmoDbReadsSpeakerTextEmotionAndSplitsBySpeaker()
    {
        Wav("emodb/wav/03a01Fa.wav");
        Wav("emodb/wav/16b10Wb.wav");
        Wav("emodb/wav/14a02Nc.wav");
        Wav("emodb/wav/08b03Lb.wav");
        Wav("emodb/wav/04a01Fa.wav");  // speaker
        Wav("emodb/wav/03a03Fa.wav");  // text code
        Wav("emodb/wav/03a01Xa.wav");  // emotion
        Wav("emodb/wav/03a01F.wav");   // six characters
        string root = Path.Combine(_folder.Path, "emodb");
        var table = EmoDbReader.Read(_ml, new EmoDbOptions { RootFolder = root });
        var records = table.Records.ToDictionary(r => r.Id);
        Assert.Equal(4, records.Count);
        var happy = records["03a01Fa"];
        Assert.Equal((EmotionVocabulary.Happy, "F", "Der Lappen liegt auf dem Eisschrank.", "03", "male", "a", SplitNames.Train),
            (happy.Label, happy.CorpusLabel, happy.Text, happy.Speaker, happy.Gender, happy.Take, happy.Split));
        Assert.Equal((EmotionVocabulary.Angry, "female", SplitNames.Test), (records["16b10Wb"].Label, records["16b10Wb"].Gender, records["16b10Wb"].Split));
        Assert.Equal((EmotionVocabulary.Neutral, SplitNames.Validation), (records["14a02Nc"].Label, records["14a02Nc"].Split));
        Assert.Equal(EmotionVocabulary.Boredom, records["08b03Lb"].Label);
        Assert.Equal(4, table.Warnings.Count);
        Assert.Contains(table.Warnings, w => w == "1 file(s) skipped: speaker not one of 03 08 09 10 11 12 13 14 15 16: 04a01Fa.wav");

        var loso = EmoDbReader.Read(_ml, new EmoDbOptions { RootFolder = root, SplitProtocol = SpeakerSplitProtocol.SpeakerName });
        Assert.Equal(new[] { "03", "08", "14", "16" }, loso.Records.Select(r => r.Split).Order().ToArray());
        var folds = SpeakerFolds.LeaveOneSpeakerOut(loso.Records);
        Assert.Equal(4, folds.Count);
        Assert.All(folds, f => Assert.DoesNotContain(f.Train, r => r.Speaker == f.Speaker));
        Assert.All(folds, f => Assert.All(f.Test, r => Assert.Equal(f.Speaker, r.Speaker)));
    }

    [Fact]
    public void SpeakerListsCanBeChangedButNotOverlap()
    {
        Wav("emodb/03a01Fa.wav");
        Wav("emodb/08a01Fa.wav");
        string root = Path.Combine(_folder.Path, "emodb");
        var table = EmoDbReader.Read(_ml, new EmoDbOptions { RootFolder = root, TestSpeakers = ["03"], ValidationSpeakers = [] });
        Assert.Equal(SplitNames.Test, table.Records.Single(r => r.Speaker == "03").Split);
        Assert.Equal(SplitNames.Train, table.Records.Single(r => r.Speaker == "08").Split);
        var error = Assert.Throws<ArgumentException>(() => EmoDbReader.Read(_ml, new EmoDbOptions { RootFolder = root, TestSpeakers = ["03"], ValidationSpeakers = ["03"] }));
        Assert.Contains("03", error.Message);
    }

    [Fact]
    public void MissingOrEmptyRootNamesTheFolderAndTheLayout()
    {
        string missing = Path.Combine(_folder.Path, "nope");
        var error = Assert.Throws<DatasetRootException>(() => RavdessReader.Read(_ml, new RavdessOptions { RootFolder = missing }));
        Assert.Equal(missing, error.Folder);
        Assert.Contains("Actor_01", error.Message);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "empty"));
        var empty = Assert.Throws<DatasetRootException>(() => TessReader.Read(_ml, new TessOptions { RootFolder = Path.Combine(_folder.Path, "empty") }));
        Assert.Contains("no .wav file", empty.Message);
    }

    [Fact]
    public void AllCorporaShareOneVocabularyWithIemocap()
    {
        Assert.All(RavdessFileName.Emotions.Values.Concat(CremaDFileName.Emotions.Values).Concat(TessFileName.Emotions.Values).Concat(EmoDbFileName.Emotions.Values),
            label => Assert.True(EmotionVocabulary.Contains(label), label));
        Assert.Equal(EmotionVocabulary.Happy, EmotionVocabulary.FromIemocap("exc"));
        Assert.Equal(EmotionVocabulary.Angry, EmotionVocabulary.FromIemocap("ang"));
        Assert.Null(EmotionVocabulary.FromIemocap("xxx"));
        Assert.All(IemocapLabels.TenClass, code => Assert.NotNull(EmotionVocabulary.FromIemocap(code)));
        // The classes CREMA-D and RAVDESS share, as a cross-corpus evaluation would score them.
        var shared = CremaDFileName.Emotions.Values.Intersect(RavdessFileName.Emotions.Values).Order().ToArray();
        Assert.Equal(new[] { "angry", "disgust", "fear", "happy", "neutral", "sad" }, shared);
    }
}
