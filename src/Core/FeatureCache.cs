using Microsoft.ML;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Features computed once and kept on disk as ML.NET binary .idv files (as <c>msa featurize</c>
/// writes them) in a private temporary folder, read back lazily: training then holds them in
/// memory once (the trainers' <c>FeatureReader</c>) or streams them (<c>DataViewBatchSource</c>),
/// and no second in-memory copy (an ML.NET cache) exists. The files are written in small blocks
/// (<see cref="FeatureFile"/>) and read by a loader per pass (<see cref="FeatureFileView"/>), so
/// reading them holds little beyond the rows asked for, and nothing between passes. Disposing
/// deletes the folder; so do Ctrl-C, SIGTERM and the end of the process (<see cref="ExitCleanup"/>).
/// The folder is named after the owning process (<see cref="CacheFolderOwner"/>), and creating a
/// cache first deletes the folders left under the same parent by processes that no longer run.
/// </summary>
public sealed class FeatureCache : IDisposable
{
    private readonly MLContext _context;
    private readonly List<FeatureFileView> _views = new();

    /// <summary>A cache in a new folder under <paramref name="parent"/> (default: the system temp folder).</summary>
    public FeatureCache(MLContext context, string? parent = null)
    {
        _context = context;
        parent ??= Path.GetTempPath();
        SweepOnce(parent);
        Folder = Path.Combine(parent, CacheFolderOwner.NewName());
        Directory.CreateDirectory(Folder);
        ExitCleanup.Register(Folder);
    }

    /// <summary>The folder holding the .idv files.</summary>
    public string Folder { get; }

    /// <summary>Bytes written so far.</summary>
    public long BytesOnDisk => Directory.Exists(Folder) ? new DirectoryInfo(Folder).EnumerateFiles("*.idv").Sum(f => f.Length) : 0;

    /// <summary>
    /// Runs <paramref name="data"/> once (its featurizers compute every row here), saves every visible
    /// column to <c>&lt;name&gt;.idv</c> (written to a temporary file, then renamed) and returns the view loaded from it.
    /// </summary>
    public IDataView Save(IDataView data, string name)
    {
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) throw new ArgumentException($"'{name}' is not a file name.", nameof(name));
        string path = Path.Combine(Folder, name + ".idv");
        string temp = path + ".tmp";
        using (var stream = File.Create(temp))
            FeatureFile.Save(_context, data, stream);
        File.Move(temp, path, overwrite: true);
        var view = new FeatureFileView(_context, path);
        _views.Add(view);
        return view;
    }

    /// <summary>Deletes the folder and its files.</summary>
    public void Dispose()
    {
        foreach (var view in _views) view.Dispose();
        // When a reader still holds a file open (Windows) the folder stays; the next run's sweep deletes it.
        ExitCleanup.DeleteFolder(Folder);
        ExitCleanup.Forget(Folder);
    }

    private static readonly HashSet<string> SweptParents = new(StringComparer.Ordinal);

    /// <summary>Sweeps stale caches under <paramref name="parent"/> once per process.</summary>
    private static void SweepOnce(string parent)
    {
        lock (SweptParents)
            if (!SweptParents.Add(Path.GetFullPath(parent))) return;
        CacheFolderOwner.SweepStale(parent);
    }
}
