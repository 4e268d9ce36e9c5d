using System.Runtime.InteropServices;

namespace MsaMl.Cli.Tests;

/// <summary>Named pipes, links to devices and hard links, made in a test's own folder (Linux).</summary>
internal static class SpecialFiles
{
    /// <summary>A named pipe at <paramref name="path"/>: opening it for reading blocks until a writer comes.</summary>
    public static string Fifo(string path)
    {
        if (mkfifo(path, 0x1A4) != 0) throw new IOException($"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
        return path;
    }

    /// <summary>A symbolic link at <paramref name="path"/> to the character device /dev/null.</summary>
    public static string LinkToDevNull(string path)
    {
        File.CreateSymbolicLink(path, "/dev/null");
        return path;
    }

    /// <summary>A second name for <paramref name="target"/>'s file.</summary>
    public static string HardLink(string target, string path)
    {
        if (link(target, path) != 0) throw new IOException($"link {target} {path} failed: errno {Marshal.GetLastPInvokeError()}");
        return path;
    }

    /// <summary>Runs <paramref name="action"/>, failing (not hanging) when it takes longer than <paramref name="seconds"/>.</summary>
    public static T Within<T>(int seconds, Func<T> action)
    {
        var task = Task.Run(action);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"still running after {seconds} s: blocked on a named pipe?");
        return task.Result;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int link(string target, string path);
}

/// <summary>A fact about Linux files (named pipes, devices): skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux (named pipes, /dev/null, statx).";
    }
}
