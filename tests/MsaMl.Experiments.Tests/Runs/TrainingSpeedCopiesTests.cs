using MsaMl.Datasets;
using MsaMl.Transforms.Audio;

namespace MsaMl.Experiments.Tests.Runs;

/// <summary>Speed copies of the training recordings: training rows only, labelled as the original, each speed its speaker's own voice, written once, deleted on dispose.</summary>
public sealed class TrainingSpeedCopiesTests
{
    private static string Tone(string folder, string name, double seconds)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        var samples = Enumerable.Range(0, (int)(16000 * seconds)).Select(i => 0.3f * MathF.Sin(2 * MathF.PI * 220 * i / 16000f)).ToArray();
        WavWriter.WritePcm16(path, samples, 16000);
        return path;
    }

    [Fact]
    public void OnlyTrainingRecordingsAreCopiedAtEachSpeedKeepingLabelAsNewVoicesOfTheirSpeaker()
    {
        string root = Path.Combine(Path.GetTempPath(), $"msaml-speed-copies-test-{Guid.NewGuid():N}");
        try
        {
            // The same file name in two folders must give two copies.
            var records = new List<MultimodalRecord>
            {
                new() { Id = "a", AudioPath = Tone(Path.Combine(root, "angry"), "x.wav", 1.0), Label = "angry", Split = SplitNames.Train, Speaker = "s1", Text = "one" },
                new() { Id = "b", AudioPath = Tone(Path.Combine(root, "sad"), "x.wav", 0.5), Label = "sad", Split = SplitNames.Train, Speaker = "s2" },
                new() { Id = "c", AudioPath = Tone(Path.Combine(root, "sad"), "y.wav", 0.5), Label = "sad", Split = SplitNames.Validation, Speaker = "s2" },
                new() { Id = "d", AudioPath = Tone(Path.Combine(root, "sad"), "z.wav", 0.5), Label = "sad", Split = SplitNames.Test, Speaker = "s3" },
                new() { Id = "e", Text = "no audio", Label = "sad", Split = SplitNames.Train },
                new() { Id = "f", AudioPath = Tone(Path.Combine(root, "sad"), "w.wav", 0.5), Label = "sad", Split = SplitNames.Train },
            };
            string[] copyPaths;
            using (var copies = new TrainingSpeedCopies([0.9, 1.1]))
            {
                var result = copies.Add(records, trainOnValidation: false);
                Assert.Equal(records, result.Take(records.Count));
                var added = result.Skip(records.Count).ToList();
                Assert.Equal(["a@speed0.9", "a@speed1.1", "b@speed0.9", "b@speed1.1", "f@speed0.9", "f@speed1.1"], added.Select(r => r.Id));
                Assert.All(added, r => Assert.Equal(SplitNames.Train, r.Split));
                Assert.Equal(["angry", "angry", "sad", "sad", "sad", "sad"], added.Select(r => r.Label));
                // A record that names no speaker keeps none: its copies are not a voice of their own either.
                Assert.Equal(["s1@speed0.9", "s1@speed1.1", "s2@speed0.9", "s2@speed1.1", "", ""], added.Select(r => r.Speaker));
                Assert.Equal("one", added[0].Text);
                Assert.Equal(6, added.Select(r => r.AudioPath).Distinct().Count());
                Assert.InRange(WavReader.Read(added[0].AudioPath).DurationSeconds, 1.0 / 0.9 - 0.02, 1.0 / 0.9 + 0.02);
                Assert.InRange(WavReader.Read(added[1].AudioPath).DurationSeconds, 1.0 / 1.1 - 0.02, 1.0 / 1.1 + 0.02);

                var withValidation = copies.Add(records, trainOnValidation: true).Skip(records.Count).ToList();
                Assert.Equal(8, withValidation.Count);
                Assert.Contains(withValidation, r => r.Id == "c@speed0.9" && r.Split == SplitNames.Validation);
                Assert.Equal(added.Select(r => r.AudioPath).Take(4), withValidation.Take(4).Select(r => r.AudioPath));
                copyPaths = added.Select(r => r.AudioPath).ToArray();
                Assert.All(copyPaths, p => Assert.True(File.Exists(p)));
            }
            Assert.All(copyPaths, p => Assert.False(File.Exists(p), $"{p} outlived the run"));

            using var none = new TrainingSpeedCopies([]);
            Assert.Same(records, none.Add(records, trainOnValidation: true));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
