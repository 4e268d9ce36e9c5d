using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MsaMl.Trainers.Native;

/// <summary>
/// Makes TorchSharp 0.107 loadable on Debian 12 / Ubuntu 22.04 in any application that uses
/// MsaMl, not only in builds that ran MsaMl's MSBuild step: before the first TorchSharp call, the
/// copy of <c>libLibTorchSharp.so</c> the application will load gets its one GLIBCXX_3.4.32
/// requirement (a symbol nothing calls) marked weak, when the system libstdc++ lacks that version.
/// The NuGet package cache is never touched. See build/README.md.
/// </summary>
public static class LibTorchSharpCompatibility
{
    internal const string LibraryFileName = "libLibTorchSharp.so";
    internal const string MissingVersion = "GLIBCXX_3.4.32";
    private static readonly object Gate = new();
    private static bool _done;
    private static string? _failure;

    /// <summary>What the last <see cref="Ensure"/> did, one line (for <c>msa info</c> and diagnostics).</summary>
    public static string Status { get; private set; } = "not checked";

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before any TorchSharp call made through this assembly.")]
    internal static void OnLoad() => Ensure();

    /// <summary>
    /// Patches the application's copy of libLibTorchSharp.so when needed. MsaMl calls it on load;
    /// an application that calls TorchSharp itself before touching any MsaMl trainer calls it first.
    /// Idempotent and thread-safe; never throws (a failure is left to TorchSharp's own load error,
    /// with <see cref="Status"/> saying why).
    /// </summary>
    public static void Ensure()
    {
        lock (Gate)
        {
            if (_done) return;
            _done = true;
            try
            {
                Status = Run();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Status = _failure = $"could not patch {LibraryFileName}: {ex.Message}";
            }
            Trace.WriteLine("MsaMl: " + Status);
        }
    }

    /// <summary>
    /// Throws a clear error, instead of TorchSharp's misleading "doesn't contain a reference to
    /// libtorch-cpu-linux-x64", when the library could not be made loadable (for example a
    /// read-only deployment of an app that references MsaMl by ProjectReference).
    /// </summary>
    /// <exception cref="InvalidOperationException">The patch was needed and failed.</exception>
    public static void ThrowIfUnloadable()
    {
        Ensure();
        if (_failure != null)
            throw new InvalidOperationException(
                $"TorchSharp cannot load on this system: {_failure.TrimEnd('.')}. The system libstdc++ lacks {MissingVersion}, which TorchSharp 0.107's " +
                $"{LibraryFileName} asks for (for one symbol nothing calls). Make the application folder writable for one run, or build and " +
                "publish with the MsaMl.Trainers package, whose build step patches the build and publish outputs (see build/README.md).");
    }

    private static string Run()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux; nothing to do";
        string? libStdCxx = ElfWeakVersionPatch.SystemLibStdCxx();
        if (libStdCxx == null) return "no system libstdc++ found; left as is";
        if (ElfWeakVersionPatch.Provides(libStdCxx, MissingVersion)) return $"{libStdCxx} provides {MissingVersion}; nothing to do";

        var patched = new List<string>();
        foreach (string path in Candidates())
        {
            if (IsInPackageCache(path) || !ElfWeakVersionPatch.NeedsPatch(path, MissingVersion)) continue;
            ElfWeakVersionPatch.PatchFile(path, MissingVersion);
            patched.Add(path);
        }
        return patched.Count == 0
            ? $"{LibraryFileName} already loadable"
            : $"marked {MissingVersion} weak in {string.Join(", ", patched)}";
    }

    /// <summary>The copies the host may load: its native search folders (from the app's deps.json) and the app folder.</summary>
    private static IEnumerable<string> Candidates()
    {
        var folders = new List<string>();
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searchDirectories)
            folders.AddRange(searchDirectories.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        string baseDirectory = AppContext.BaseDirectory;
        folders.Add(baseDirectory);
        folders.Add(Path.Combine(baseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native"));
        folders.Add(Path.Combine(baseDirectory, "runtimes", "linux-x64", "native"));
        return folders
            .Select(f => Path.Combine(f, LibraryFileName))
            .Where(File.Exists)
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal);
    }

    private static bool IsInPackageCache(string path)
    {
        string? cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(cache) && path.StartsWith(Path.GetFullPath(cache), StringComparison.Ordinal)) return true;
        return path.Contains($"{Path.DirectorySeparatorChar}.nuget{Path.DirectorySeparatorChar}packages{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
    }
}
