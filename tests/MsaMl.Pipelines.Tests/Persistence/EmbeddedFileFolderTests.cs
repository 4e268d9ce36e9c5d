using Microsoft.ML;
using MsaMl.Pipelines.Persistence;
using MsaMl.Transforms.Image;

namespace MsaMl.Pipelines.Tests.Persistence;

/// <summary>
/// Where a bundle's embedded files are written (issue 18, part 2, item 3): by default a folder of this process only,
/// owner-only, never the shared temporary folder; a symbolic link planted where a file would be written is refused.
/// </summary>
public sealed class EmbeddedFileFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-embedded-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class ImageRow
    {
        public string ImagePath { get; set; } = "";
    }

    /// <summary>A bundle embedding a user-given encoder (a copy of the packaged ResNet preprocessing ONNX).</summary>
    private string Bundle(MLContext ml)
    {
        string encoder = Path.Combine(_folder, "encoder.onnx");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx"), encoder, overwrite: true);
        var data = ml.Data.LoadFromEnumerable(new[] { new ImageRow { ImagePath = FixturePaths.Of("images", "palette.png") } });
        var model = ml.Msa().Transforms.PretrainedImageFeatures(new PretrainedImageFeaturesOptions { ModelPath = encoder }).Fit(data);
        string bundle = Path.Combine(_folder, "bundle.zip");
        ml.Msa().Model.Save(model, data.Schema, bundle);
        return bundle;
    }

    private static string ModelPathOf(ITransformer loaded) =>
        ((IEnumerable<ITransformer>)loaded).OfType<PretrainedImageFeaturesTransformer>().Single().Options.ModelPath!;

    [Fact]
    public void ByDefaultEmbeddedFilesGoToAnOwnerOnlyFolderOfThisProcess()
    {
        var ml = new MLContext(seed: 1);
        string bundle = Bundle(ml);

        string path = ModelPathOf(ml.Msa().Model.Load(bundle, out _));

        var root = new DirectoryInfo(Path.GetDirectoryName(Path.GetDirectoryName(path))!);
        Assert.StartsWith($"msaml-bundle-files-{Environment.ProcessId}-", root.Name);
        Assert.Equal(Path.GetFullPath(Path.GetTempPath()).TrimEnd('/'), root.Parent!.FullName.TrimEnd('/'));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, root.UnixFileMode);
        Assert.Null(root.LinkTarget);
    }

    [Fact]
    public void ALinkPlantedWhereAFileWouldBeWrittenIsRefusedAndNotFollowed()
    {
        var ml = new MLContext(seed: 1);
        string bundle = Bundle(ml);
        string hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(_folder, "encoder.onnx")))).ToLowerInvariant();
        string files = Directory.CreateDirectory(Path.Combine(_folder, "files")).FullName;
        string victim = Directory.CreateDirectory(Path.Combine(_folder, "victim")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(files, hash), victim);

        var error = Assert.Throws<InvalidDataException>(() =>
            ml.Msa().Model.Load(bundle, out _, new BundleLoadOptions { EmbeddedFileFolder = files }));

        Assert.Contains("symbolic link", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(victim));
    }
}
