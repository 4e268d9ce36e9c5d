using Microsoft.ML.Data;
using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;

namespace MsaMl.Cli.Tests;

/// <summary>
/// A named pipe, a device or a folder where msa reads a file is refused, naming it, before it is
/// opened: a pipe blocked the read forever, /dev/zero ran out of memory, a folder was "not found".
/// The readers of the libraries check, so library users get the same errors.
/// </summary>
public sealed class NonRegularInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-special-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [LinuxFact]
    public void APipeAsTheTableOrTheModelIsOneLineNotAHang()
    {
        string pipe = SpecialFiles.Fifo(Path.Combine(_folder, "pipe"));
        var (code, errors) = SpecialFiles.Within(30, () => CliRunner.Run("train", "--dataset", "table", "--root", pipe,
            "--map", "image=Name,text=Text,label=Valence", "--quick", "--output", Path.Combine(_folder, "m.zip")));
        Assert.Equal(2, code);
        Assert.Equal($"msa: error: {pipe}: this is a named pipe (FIFO), not a regular file; expected a table file: CSV, TSV or JSON Lines", errors.Trim());

        (code, errors) = SpecialFiles.Within(30, () => CliRunner.Run("predict", "--model", pipe, "--text", "hello"));
        Assert.Equal(2, code);
        Assert.Equal($"msa: error: model bundle {pipe} is a named pipe (FIFO), not a regular file", errors.Trim());
    }

    [LinuxFact]
    public void ATableNamingAPipeOrAFolderIsAnErrorNamingTheLine()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "images"));
        SpecialFiles.Fifo(Path.Combine(_folder, "images", "pipe.png"));
        string table = Path.Combine(_folder, "table.csv");
        File.WriteAllText(table, "Name,Text,Valence\nimages/pipe.png,someone grinning,positive\nimages,someone upset,negative\n");
        var options = new TableReaderOptions { Path = table, Columns = TableColumnMap.Parse("image=Name,text=Text,label=Valence") };

        var error = SpecialFiles.Within(30, () => Assert.Throws<DatasetFormatException>(() => TableReader.Read(new MLContext(1), options)));
        Assert.Equal($"{table}, line 2: 'images/pipe.png' ({Path.Combine(_folder, "images", "pipe.png")}) is a named pipe (FIFO), not a regular file; expected the row's audio, image or video file", error.Message);

        File.WriteAllText(table, "Name,Text,Valence\nimages,someone upset,negative\n");
        error = Assert.Throws<DatasetFormatException>(() => TableReader.Read(new MLContext(1), options));
        Assert.Contains("line 2: 'images'", error.Message);
        Assert.Contains("is a folder, not a regular file", error.Message);
    }

    [LinuxFact]
    public void TheDecodersNameAPipeADeviceOrAFolderForWhatItIs()
    {
        string pipe = SpecialFiles.Fifo(Path.Combine(_folder, "pipe.wav"));
        var wav = SpecialFiles.Within(30, () => Assert.Throws<InvalidDataException>(() => WavReader.Read(pipe)));
        Assert.Equal($"audio file {pipe} is a named pipe (FIFO), not a regular file", wav.Message);
        var image = SpecialFiles.Within(30, () => Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(pipe)));
        Assert.Contains("is a named pipe (FIFO)", image.Message);

        // Was "file is empty (0 bytes)" for the WAV and an out-of-memory near 4 GB for the image.
        Assert.Equal("audio file /dev/zero is a character device, not a regular file", Assert.Throws<InvalidDataException>(() => WavReader.Read("/dev/zero")).Message);
        Assert.Equal("image file /dev/zero is a character device, not a regular file", Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode("/dev/zero")).Message);
        // Was "audio file not found".
        Assert.Equal($"audio file {_folder} is a folder, not a regular file", Assert.Throws<InvalidDataException>(() => WavReader.Read(_folder)).Message);
        Assert.Throws<FileNotFoundException>(() => WavReader.Read(Path.Combine(_folder, "missing.wav")));
    }

    [LinuxFact]
    public void ABundleIsNeverSavedOverADevice()
    {
        string device = SpecialFiles.LinkToDevNull(Path.Combine(_folder, "model.zip"));
        var ml = new MLContext(1);
        var schema = ml.Data.LoadFromEnumerable(new List<MultimodalInput>()).Schema;
        var error = Assert.Throws<IOException>(() => ml.Msa().Model.Save(new TransformerChain<ITransformer>(), schema, device));
        Assert.Equal($"{device} is a character device, not a regular file; it is left as it is, not replaced", error.Message);
        Assert.Equal("/dev/null", new FileInfo(device).LinkTarget);
    }
}
