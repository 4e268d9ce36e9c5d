using System.Diagnostics;
using Microsoft.ML;
using MsaMl.Transforms.Core;

namespace MsaMl.Trainers.Tests;

public sealed class FeatureCacheFolderTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("msaml-cacheparent-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    /// <summary>The id of a process that has run and exited.</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private string Folder(string name)
    {
        string path = Path.Combine(_parent, name);
        Directory.CreateDirectory(path);
        File.WriteAllBytes(Path.Combine(path, "train.idv"), new byte[1024]);
        return path;
    }

    [Fact]
    public void ACacheFolderIsNamedAfterItsProcessAndGoesWithDispose()
    {
        var cache = new FeatureCache(new MLContext(seed: 1), _parent);
        Assert.Equal(Environment.ProcessId, CacheFolderOwner.OwnerOf(Path.GetFileName(cache.Folder)));
        Assert.True(Directory.Exists(cache.Folder));
        cache.Dispose();
        Assert.False(Directory.Exists(cache.Folder));
    }

    [Fact]
    public void CreatingACacheDeletesTheCachesLeftByProcessesThatNoLongerRun()
    {
        string stale = Folder($"{CacheFolderOwner.Prefix}{DeadProcessId()}-{Guid.NewGuid():N}");
        string live = Folder($"{CacheFolderOwner.Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        // Not ours to judge: a name without an owner (earlier versions), and another program's folder.
        string unowned = Folder($"{CacheFolderOwner.Prefix}{Guid.NewGuid():N}");
        string other = Folder("msaml-featuresque-1-x");

        using var cache = new FeatureCache(new MLContext(seed: 1), _parent);

        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(unowned));
        Assert.True(Directory.Exists(other));
        Assert.True(Directory.Exists(cache.Folder));
    }

    [Fact]
    public void AFolderOlderThanTheProcessNowHoldingItsIdIsStale()
    {
        // Process 1 runs, but it started after a folder last written in 2000: the id was reused, the owner is gone.
        string recent = Folder($"{CacheFolderOwner.Prefix}1-{Guid.NewGuid():N}");
        string old = Folder($"{CacheFolderOwner.Prefix}1-{Guid.NewGuid():N}");
        Directory.SetLastWriteTime(old, new DateTime(2000, 1, 1));

        var deleted = CacheFolderOwner.SweepStale(_parent);

        Assert.Equal(new[] { old }, deleted);
        Assert.True(Directory.Exists(recent));
    }
}
