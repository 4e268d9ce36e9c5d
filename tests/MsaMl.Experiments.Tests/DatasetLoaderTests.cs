using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Transforms.Audio;

namespace MsaMl.Experiments.Tests;

/// <summary><c>msa train --dataset</c>'s loader over the acted corpora, on tiny WAVs under their real file names.</summary>
public sealed class DatasetLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _folder.Dispose();

    private void Wav(string relativePath)
    {
        string path = Path.Combine(_folder.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WavWriter.WritePcm16(path, new float[320], 16000);
    }

    [Theory]
    [InlineData("ravdess", "ravdess/Actor_01/03-01-05-02-01-02-01.wav", "angry")]
    [InlineData("crema-d", "crema/1001_DFA_ANG_XX.wav", "angry")]
    [InlineData("tess", "tess/OAF_back_sad.wav", "sad")]
    [InlineData("emodb", "emodb/03a01Fa.wav", "happy")]
    public void DatasetLoaderKnowsTheCorpora(string dataset, string file, string label)
    {
        Wav(file);
        string root = Path.Combine(_folder.Path, file.Split('/')[0]);
        var (records, labels) = DatasetLoader.Load(_ml, dataset, root);
        Assert.Equal(label, records.Single().Label);
        Assert.Equal(new[] { label }, labels);
        Assert.Contains(dataset, DatasetLoader.Names);
    }

    [Fact]
    public void TrainsOnOneCorpusAndTestsOnTheSharedClassesOfAnother()
    {
        Wav("ravdess/Actor_01/03-01-05-01-01-01-01.wav"); // angry, train
        Wav("ravdess/Actor_01/03-01-02-01-01-01-01.wav"); // calm: CREMA-D has no calm
        Wav("ravdess/Actor_19/03-01-04-01-01-01-19.wav"); // sad, validation
        Wav("ravdess/Actor_21/03-01-05-01-01-01-21.wav"); // angry, RAVDESS test: not used
        Wav("crema/1001_DFA_ANG_XX.wav");
        Wav("crema/1002_DFA_SAD_XX.wav");
        Wav("crema/1090_IEO_DIS_HI.wav");                 // disgust: not in the RAVDESS training rows
        var ml = new MLContext(seed: 1);
        var (records, labels, _, _) = DatasetLoader.LoadCrossCorpus(ml, "ravdess", Path.Combine(_folder.Path, "ravdess"), null, null, "crema-d", Path.Combine(_folder.Path, "crema"));

        Assert.Equal(new[] { "angry", "sad" }, labels);
        Assert.Equal(new[] { "03-01-04-01-01-01-19", "03-01-05-01-01-01-01" }, records.Where(r => r.Split != SplitNames.Test).Select(r => r.Id).Order());
        var test = records.Where(r => r.Split == SplitNames.Test).ToList();
        Assert.Equal(new[] { "crema-d/1001_DFA_ANG_XX", "crema-d/1002_DFA_SAD_XX" }, test.Select(r => r.Id).Order());
        Assert.All(test, r => Assert.Contains(labels, l => l == r.Label));
    }

    [Fact]
    public void CorporaWithoutSharedClassesAreRefused()
    {
        Wav("ravdess/Actor_01/03-01-02-01-01-01-01.wav"); // calm only
        Wav("crema/1001_DFA_ANG_XX.wav");
        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.LoadCrossCorpus(new MLContext(1), "ravdess", Path.Combine(_folder.Path, "ravdess"), null, null, "crema-d", Path.Combine(_folder.Path, "crema")));
        Assert.Contains("share 0 emotion class", error.Message);
    }
}
