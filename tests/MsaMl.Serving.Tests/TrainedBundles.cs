using MsaMl.Cli;

namespace MsaMl.Serving.Tests;

/// <summary>
/// Bundles that <c>msa train --quick</c> saves from the fixtures, trained once for the whole run (seconds each): an audio
/// classifier (IEMOCAP), an image classifier (MVSA) and a text regression (MOSI, sentiment intensity).
/// </summary>
public sealed class TrainedBundles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-serve-tests-").FullName;
    private readonly Dictionary<string, Lazy<string>> _bundles;

    public TrainedBundles()
    {
        _bundles = new()
        {
            ["audio"] = new(() => Train("iemocap", RepositoryPaths.Fixture("iemocap", "IEMOCAP_full_release"), "audio")),
            ["image"] = new(() => Train("mvsa", RepositoryPaths.Fixture("mvsa", "MVSA_Single"), "image")),
            ["text"] = new(() => Train("mosi", RepositoryPaths.Fixture("mosi", "MOSI-id"), "text")),
        };
    }

    /// <summary>The IEMOCAP audio classifier.</summary>
    public string Audio => _bundles["audio"].Value;

    /// <summary>The MVSA image classifier.</summary>
    public string Image => _bundles["image"].Value;

    /// <summary>The MOSI text regression (sentiment intensity).</summary>
    public string Text => _bundles["text"].Value;

    /// <summary>A folder for a test's own files, deleted with the fixture.</summary>
    public string Folder => _folder;

    private string Train(string dataset, string root, string model)
    {
        string bundle = Path.Combine(_folder, $"{dataset}-{model}.zip");
        lock (_bundles)
        {
            if (File.Exists(bundle)) return bundle;
            int code = MsaCli.Run(["train", "--dataset", dataset, "--root", root, "--model", model, "--quick", "--output", bundle]);
            Assert.True(code == 0, $"msa train --dataset {dataset} --model {model} exited {code}");
        }
        return bundle;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The tests that share the trained bundles (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ServedCollection : ICollectionFixture<TrainedBundles>
{
    public const string Name = "served bundles";
}
