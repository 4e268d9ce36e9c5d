using System.Diagnostics;
using System.Globalization;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Names feature-cache folders after the process that owns them (<c>msaml-features-&lt;pid&gt;-&lt;guid&gt;</c>)
/// and deletes, under a parent folder, those whose owner is gone: a run killed outright (SIGKILL,
/// out of memory, power loss) cannot clean up after itself, so the next run does.
/// </summary>
public static class CacheFolderOwner
{
    /// <summary>The start of every cache folder's name.</summary>
    public const string Prefix = "msaml-features-";

    /// <summary>A new folder name owned by the current process.</summary>
    public static string NewName() => $"{Prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";

    /// <summary>The owner's process id of a folder named by <see cref="NewName"/>; null for any other name.</summary>
    public static int? OwnerOf(string folderName)
    {
        if (!folderName.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        string rest = folderName[Prefix.Length..];
        int dash = rest.IndexOf('-');
        if (dash <= 0 || rest.Length - dash - 1 != 32) return null;
        return int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
    }

    /// <summary>
    /// Deletes the cache folders under <paramref name="parent"/> whose owning process no longer runs
    /// (or whose process id now belongs to a process started after the folder was last written);
    /// returns the folders deleted. Folders of other names, of live owners, or that cannot be
    /// deleted (another user's) are left alone.
    /// </summary>
    public static IReadOnlyList<string> SweepStale(string parent)
    {
        var deleted = new List<string>();
        if (!Directory.Exists(parent)) return deleted;
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(parent, Prefix + "*").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return deleted;
        }
        foreach (string folder in folders)
        {
            if (OwnerOf(Path.GetFileName(folder)) is not int pid || IsAlive(pid, folder)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
                deleted.Add(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another user's folder, or one being deleted by someone else.
            }
        }
        return deleted;
    }

    private static bool IsAlive(int pid, string folder)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
            // A reused process id: the process started after the folder was last written to.
            return process.StartTime <= Directory.GetLastWriteTime(folder).AddSeconds(1);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true;
        }
    }
}
