using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Normalization;

namespace MsaMl.Transforms.Tests;

/// <summary>Per-speaker standardization: each group's own statistics, labels unused; new speakers from their own rows or by enrolment; the global fallback warns.</summary>
public sealed class GroupStandardizationTests
{
    private const int Channels = 2, Bands = 3, Frames = 8;

    public sealed class SpeakerRow
    {
        public string Speaker { get; set; } = "";

        [VectorType(Channels, Bands, Frames)]
        public float[] Spectrogram { get; set; } = Array.Empty<float>();
    }

    public sealed class FlatRow
    {
        public string Speaker { get; set; } = "a";

        [VectorType(4)]
        public float[] Flat { get; set; } = new float[4];
    }

    /// <summary>Rows of <paramref name="speaker"/>: noise with that speaker's own offset and scale per channel and band.</summary>
    private static IEnumerable<SpeakerRow> Speaker(string speaker, int rows, float offset, float scale, int seed)
    {
        var random = new Random(seed);
        for (int r = 0; r < rows; r++)
        {
            var values = new float[Channels * Bands * Frames];
            for (int i = 0; i < values.Length; i++)
                values[i] = offset * (1 + i / Frames) + scale * (1 + i / Frames) * (float)(random.NextDouble() * 2 - 1);
            yield return new SpeakerRow { Speaker = speaker, Spectrogram = values };
        }
    }

    private static (double Mean, double Std)[] MomentsPerBand(IEnumerable<float[]> rows)
    {
        var list = rows.ToList();
        return Enumerable.Range(0, Channels * Bands).Select(s =>
        {
            var values = list.SelectMany(r => r.Skip(s * Frames).Take(Frames)).Select(v => (double)v).ToArray();
            double mean = values.Average();
            return (mean, Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average()));
        }).ToArray();
    }

    private static float[][] Output(IDataView data, string speaker) =>
        data.GetColumn<float[]>("Spectrogram").Zip(data.GetColumn<string>("Speaker")).Where(p => p.Second == speaker).Select(p => p.First).ToArray();

    [Fact]
    public void EachSpeakerComesOutWithZeroMeanAndUnitDeviationPerChannelAndBand()
    {
        var ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(Speaker("a", 6, 5, 1, 1).Concat(Speaker("b", 6, -3, 4, 2)));
        var model = ml.Msa().Transforms.GroupStandardization().Fit(train);
        foreach (string speaker in new[] { "a", "b" })
            foreach (var (mean, std) in MomentsPerBand(Output(model.Transform(train), speaker)))
            {
                Assert.InRange(mean, -1e-4, 1e-4);
                Assert.InRange(std, 0.999, 1.001);
            }
        Assert.Equal(0, model.Warnings.Count);
    }

    [Fact]
    public void ANewSpeakerIsStandardizedFromItsOwnRowsWhenTransformedAndFromTheGlobalStatisticsWithAWarningOtherwise()
    {
        var ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(Speaker("a", 6, 5, 1, 1).Concat(Speaker("b", 6, -3, 4, 2)));
        var test = ml.Data.LoadFromEnumerable(Speaker("new", 5, 20, 0.5f, 3));

        var adapting = ml.Msa().Transforms.GroupStandardization().Fit(train);
        foreach (var (mean, std) in MomentsPerBand(Output(adapting.Transform(test), "new")))
        {
            Assert.InRange(mean, -1e-4, 1e-4);
            Assert.InRange(std, 0.999, 1.001);
        }
        Assert.Equal(0, adapting.Warnings.Count);

        var fixedStatistics = ml.Msa().Transforms.GroupStandardization(new GroupStandardizationOptions { AdaptToNewGroups = false }).Fit(train);
        var moments = MomentsPerBand(Output(fixedStatistics.Transform(test), "new"));
        Assert.All(moments, m => Assert.True(m.Mean > 1, $"mean {m.Mean}: the new speaker's offset should survive the global statistics"));
        var warning = Assert.Single(fixedStatistics.Warnings.Lines);
        Assert.Contains("'new'", warning);
        Assert.Contains("12 training rows", warning);
    }

    [Fact]
    public void EnrollingASpeakerMakesRowByRowScoringEqualTheBatchTransform()
    {
        var ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(Speaker("a", 6, 5, 1, 1).Concat(Speaker("b", 6, -3, 4, 2)));
        var newRows = Speaker("new", 5, 20, 0.5f, 3).ToArray();
        var model = ml.Msa().Transforms.GroupStandardization().Fit(train);
        var batch = Output(model.Transform(ml.Data.LoadFromEnumerable(newRows)), "new");

        var before = ml.Model.CreatePredictionEngine<SpeakerRow, SpeakerRow>(model).Predict(newRows[0]).Spectrogram;
        Assert.NotEqual(batch[0], before);
        Assert.Single(model.Warnings.Lines);

        var enrolled = model.Enroll(ml.Data.LoadFromEnumerable(newRows));
        var engine = ml.Model.CreatePredictionEngine<SpeakerRow, SpeakerRow>(enrolled);
        for (int i = 0; i < newRows.Length; i++) Assert.Equal(batch[i], engine.Predict(newRows[i]).Spectrogram);
        Assert.True(enrolled.Statistics.Groups.ContainsKey("new"));
        Assert.False(model.Statistics.Groups.ContainsKey("new"));
    }

    public sealed class AnonymousRow
    {
        [VectorType(Channels, Bands, Frames)]
        public float[] Spectrogram { get; set; } = Array.Empty<float>();
    }

    [Fact]
    public void AnInputWithoutTheGroupColumnIsStandardizedWithTheTrainingStatisticsAndSaysSo()
    {
        var ml = new MLContext(1);
        var trainRows = Speaker("a", 6, 5, 1, 1).Concat(Speaker("b", 6, -3, 4, 2)).ToArray();
        var model = ml.Msa().Transforms.GroupStandardization(new GroupStandardizationOptions { AdaptToNewGroups = true }).Fit(ml.Data.LoadFromEnumerable(trainRows));
        var row = Speaker("unnamed", 1, 20, 0.5f, 3).Single();

        var engine = ml.Model.CreatePredictionEngine<AnonymousRow, AnonymousRow>(model);
        var scored = engine.Predict(new AnonymousRow { Spectrogram = row.Spectrogram });
        var global = ml.Model.CreatePredictionEngine<SpeakerRow, SpeakerRow>(model).Predict(new SpeakerRow { Speaker = "never seen", Spectrogram = row.Spectrogram });
        Assert.Equal(global.Spectrogram, scored.Spectrogram);
        Assert.NotEqual(row.Spectrogram, scored.Spectrogram);
        var batch = model.Transform(ml.Data.LoadFromEnumerable(new[] { new AnonymousRow { Spectrogram = row.Spectrogram } })).GetColumn<float[]>("Spectrogram").Single();
        Assert.Equal(global.Spectrogram, batch);
        Assert.Contains(model.Warnings.Lines, l => l.Contains("no group column 'Speaker'") && l.Contains("12 training rows"));

        var noGroupToFit = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Msa().Transforms.GroupStandardization().Fit(ml.Data.LoadFromEnumerable(new[] { new AnonymousRow { Spectrogram = row.Spectrogram } })));
        Assert.Contains("Speaker", noGroupToFit.Message);
    }

    [Fact]
    public void SavedStatisticsRecreateTheSameTransformAndDamagedOnesAreAClearError()
    {
        var ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(Speaker("a", 6, 5, 1, 1).Concat(Speaker("b", 4, -3, 4, 2)));
        var model = ml.Msa().Transforms.GroupStandardization(new GroupStandardizationOptions { Axis = StatisticsAxis.Rows, MinGroupRows = 5 }).Fit(train);
        Assert.Contains(model.Warnings.Lines, l => l.Contains("group 'b' has 4 training row(s)"));

        var loaded = Assert.IsType<GroupStandardizationTransformer>(TransformFactory.Create(model.Kind, model.SaveOptions(), model.SaveArtifacts()));
        Assert.Equal(StatisticsAxis.Rows, loaded.Options.Axis);
        Assert.Equal(Output(model.Transform(train), "b"), Output(loaded.Transform(train), "b"));

        var damaged = model.SaveArtifacts().ToDictionary(a => a.Key, a => a.Value[..^3]);
        var error = Assert.Throws<InvalidDataException>(() => TransformFactory.Create(model.Kind, model.SaveOptions(), damaged));
        Assert.Contains("group statistics are damaged", error.Message);
    }

    [Fact]
    public void BadInputIsAnErrorNamingTheColumnRowOrOption()
    {
        var ml = new MLContext(1);
        var rows = Speaker("a", 3, 0, 1, 1).ToList();
        rows[2].Spectrogram[5] = float.NaN;
        var error = Assert.Throws<InvalidDataException>(() => ml.Msa().Transforms.GroupStandardization().Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("row 3 (group 'a')", error.Message);

        Assert.Contains("MinGroupRows", Assert.Throws<ArgumentOutOfRangeException>(() => ml.Msa().Transforms.GroupStandardization(new GroupStandardizationOptions { MinGroupRows = 0 })).Message);
        Assert.Contains("'Talker'", Assert.Throws<ArgumentOutOfRangeException>(() =>
            ml.Msa().Transforms.GroupStandardization(groupColumnName: "Talker").Fit(ml.Data.LoadFromEnumerable(Speaker("a", 3, 0, 1, 1)))).Message);
        Assert.Contains("Axis = Frames", Assert.Throws<ArgumentOutOfRangeException>(() =>
            ml.Msa().Transforms.GroupStandardization(new GroupStandardizationOptions { InputColumnName = "Flat" })
                .Fit(ml.Data.LoadFromEnumerable(new[] { new FlatRow(), new FlatRow() }))).Message);
    }
}
