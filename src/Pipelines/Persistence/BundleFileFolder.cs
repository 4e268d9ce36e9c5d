using System.Diagnostics;
using System.Globalization;

namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// Where a process writes the files its bundles embed when <see cref="BundleLoadOptions.EmbeddedFileFolder"/> is not
/// set: a folder of its own under the temporary folder, created exclusively with owner-only permissions (0700 on
/// Unix), so another local user can neither read the files nor plant a link that would redirect the writes. It lives
/// as long as the process (the loaded encoders may read their files again) and is deleted when the process exits;
/// the folders of processes that died without that are deleted the next time a process creates its own.
/// </summary>
internal static class BundleFileFolder
{
    private const string Prefix = "msaml-bundle-files-";
    private static readonly Lazy<string> Folder = new(Create);

    /// <summary>This process's folder, created on first use.</summary>
    public static string OfThisProcess => Folder.Value;

    private static string Create()
    {
        SweepDeadProcesses();
        // CreateTempSubdirectory makes a new, uniquely named folder with mode 0700 (mkdtemp).
        string folder = Directory.CreateTempSubdirectory($"{Prefix}{Environment.ProcessId}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    }

    private static void SweepDeadProcesses()
    {
        try
        {
            foreach (var folder in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories(Prefix + "*"))
            {
                string[] parts = folder.Name[Prefix.Length..].Split('-', 2);
                if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                    && pid != Environment.ProcessId && !IsRunning(pid) && folder.LinkTarget == null)
                    TryDelete(folder.FullName);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Sweeping is tidying only; a folder that cannot be listed is left alone.
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another user's folder, or one in use: left for its owner.
        }
    }
}
