namespace MsaMl.Cli.Tests;

/// <summary>
/// Where msa writes is checked before any work: a device, a pipe, a folder, a missing or unwritable
/// folder, or the input table itself is one line and exit code 2, and nothing there is replaced.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private static readonly string[] QuickTextTraining = ["train", "--dataset", "demo-speech", "--model", "text", "--quick"];
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertOneLine(int code, string errors, string expected)
    {
        Assert.True(code == 2, errors);
        Assert.Single(errors.Trim().Split('\n'));   // no progress line: nothing was read or trained
        Assert.Contains(expected, errors);
    }

    [LinuxFact]
    public void TrainAndFeaturizeLeaveADeviceOrAPipeNamedAsOutputAsItWas()
    {
        string device = SpecialFiles.LinkToDevNull(Path.Combine(_folder, "mynull"));
        string pipe = SpecialFiles.Fifo(Path.Combine(_folder, "pipe"));

        var (code, errors) = CliRunner.Run([.. QuickTextTraining, "--output", device]);
        AssertOneLine(code, errors, $"msa: error: --output {device} is a character device, not a regular file; msa does not write over it.");
        (code, errors) = CliRunner.Run([.. QuickTextTraining, "--output", pipe]);
        AssertOneLine(code, errors, $"--output {pipe} is a named pipe (FIFO), not a regular file");
        (code, errors) = CliRunner.Run("featurize", "--dataset", "demo-speech", "--output", device);
        AssertOneLine(code, errors, $"--output {device} is a character device");

        Assert.Equal("/dev/null", new FileInfo(device).LinkTarget);   // a rename would have put a zip in its place
        Assert.Equal(0, new FileInfo(pipe).Length);
        Assert.False(File.Exists(Path.ChangeExtension(device, ".results.json")));
    }

    [LinuxFact]
    public void TheInputTableUnderAnyOtherNameIsNotAnOutput()
    {
        string table = Path.Combine(_folder, "table.csv");
        File.WriteAllText(table, "Name,Text,Valence\nimages/im001.png,someone grinning with joy,positive\n");
        string symlink = Path.Combine(_folder, "link.csv");
        File.CreateSymbolicLink(symlink, table);
        string hardLink = SpecialFiles.HardLink(table, Path.Combine(_folder, "hard.csv"));
        string detour = Path.Combine(_folder, "sub", "..", "table.csv");
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));

        foreach (string output in new[] { table, symlink, hardLink, detour })
        {
            var (code, errors) = CliRunner.Run("train", "--dataset", "table", "--root", table, "--map", "image=Name,text=Text,label=Valence",
                "--model", "ote", "--quick", "--output", output);
            AssertOneLine(code, errors, $"--output {output} is the input file {table}; writing there would replace it.");
            var (featurizeCode, featurizeErrors) = CliRunner.Run("featurize", "--dataset", "table", "--root", table, "--map", "image=Name,text=Text,label=Valence", "--output", output);
            AssertOneLine(featurizeCode, featurizeErrors, "is the input file");
        }
        Assert.StartsWith("Name,Text,Valence", File.ReadAllText(table));
    }

    [LinuxFact]
    public void AMissingOrUnwritableFolderOrAFolderAsOutputFailsBeforeTraining()
    {
        string missing = Path.Combine(_folder, "nowhere", "model.zip");
        var (code, errors) = CliRunner.Run([.. QuickTextTraining, "--output", missing]);
        AssertOneLine(code, errors, $"the folder of --output, {Path.Combine(_folder, "nowhere")}, does not exist");

        (code, errors) = CliRunner.Run([.. QuickTextTraining, "--output", _folder]);
        AssertOneLine(code, errors, $"--output {_folder} is a folder; expected the path of the file to write");

        // sysfs takes no new file, not even from root (for whom a chmod 555 folder is writable).
        (code, errors) = CliRunner.Run([.. QuickTextTraining, "--output", "/sys/model.zip"]);
        AssertOneLine(code, errors, "msa: error: cannot write in the folder of --output, /sys: ");
    }

    [LinuxFact]
    public void DemoChecksItsOutputFolderFirst()
    {
        string file = Path.Combine(_folder, "report.txt");
        File.WriteAllText(file, "keep");
        var (code, errors) = CliRunner.Run("demo", "--quick", "--output", file);
        AssertOneLine(code, errors, $"--output {file} is a regular file; expected a folder.");
        Assert.Equal("keep", File.ReadAllText(file));

        (code, errors) = CliRunner.Run("demo", "--quick", "--output", "/sys/msa-demo");
        AssertOneLine(code, errors, "cannot create the --output folder /sys/msa-demo");
    }
}
