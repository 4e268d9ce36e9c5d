namespace MsaMl.Cli.Tests;

/// <summary><c>msa timeline</c>'s refusals: one line each, exit code 2, nothing written.</summary>
public sealed class TimelineCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-timeline-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ExactlyOneRecordingAndSegmenterOptionsInRange()
    {
        string csv = Path.Combine(_folder, "t.csv");
        string wav = Path.Combine(_folder, "a.wav");
        MsaMl.Transforms.Audio.WavWriter.WritePcm16(wav, new float[16000], 16000);

        var (none, _, noneErrors) = CliProcess.Run("timeline", "--model", "m.zip", "--output", csv);
        Assert.Equal(2, none);
        Assert.Equal("msa: error: --audio or --video: expected exactly one recording.", noneErrors.Trim());

        var (both, _, bothErrors) = CliProcess.Run("timeline", "--model", "m.zip", "--audio", wav, "--video", wav, "--output", csv);
        Assert.Equal(2, both);
        Assert.Contains("expected exactly one recording", bothErrors);

        var (pause, _, pauseErrors) = CliProcess.Run("timeline", "--model", "m.zip", "--audio", wav, "--min-pause", "0", "--output", csv);
        Assert.Equal(2, pause);
        Assert.Equal("msa: error: --min-pause: expected more than 0 and at most 60 seconds, found 0.", pauseErrors.Trim());
        Assert.False(File.Exists(csv));
    }
}
