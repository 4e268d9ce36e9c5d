using System.Runtime.InteropServices;
using System.Text;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Tells regular files from folders, devices, named pipes and sockets without opening them: opening
/// a FIFO for reading blocks until a writer comes, <c>/dev/zero</c> never ends, and renaming a file
/// over a device replaces the device. .NET reports all of these as files, so on Linux this asks the
/// kernel (<c>statx</c>, whose layout is the same on every architecture); elsewhere it falls back to
/// what .NET tells (a file is taken as regular).
/// </summary>
public static class FileKinds
{
    private const int AtCurrentFolder = -100, StatxType = 0x1, StatxInode = 0x100, StatxSize = 256;
    private const int NoSuchEntry = 2, NotAFolder = 20, TooManyLinks = 40, NameTooLong = 36;
    private static volatile bool _statxMissing = !OperatingSystem.IsLinux();

    /// <summary>What <paramref name="path"/> names, following symbolic links.</summary>
    public static FileKind Of(string path) => Stat(path)?.Kind ?? FromDotNet(path);

    /// <summary>True when both paths name the same file (the same inode: through a link, another spelling or a hard link).</summary>
    public static bool SameFile(string first, string second)
    {
        if (Stat(first) is { } a && Stat(second) is { } b)
            return a.Kind != FileKind.Missing && b.Kind != FileKind.Missing && a.Device == b.Device && a.Inode == b.Inode;
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return string.Equals(Resolved(first), Resolved(second), comparison);
    }

    /// <summary>The kind in words, e.g. "a named pipe (FIFO)", for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };

    private readonly record struct Status(FileKind Kind, ulong Device, ulong Inode);

    // Null when the kernel cannot be asked (not Linux, no statx in libc, an unexpected error).
    private static Status? Stat(string path)
    {
        if (_statxMissing || string.IsNullOrEmpty(path)) return null;
        var buffer = new byte[StatxSize];
        int result;
        try
        {
            result = statx(AtCurrentFolder, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType | StatxInode, buffer);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _statxMissing = true;
            return null;
        }
        if (result != 0)
            return Marshal.GetLastPInvokeError() is NoSuchEntry or NotAFolder or TooManyLinks or NameTooLong
                ? new Status(FileKind.Missing, 0, 0) : null;
        // struct statx (native byte order): stx_mode (u16) at 28, stx_ino (u64) at 32, stx_dev_major/minor (u32) at 136/140.
        int mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        var kind = mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        ulong device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        return new Status(kind, device, BitConverter.ToUInt64(buffer, 32));
    }

    private static FileKind FromDotNet(string path) =>
        Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;

    private static string Resolved(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int folder, byte[] path, int flags, int mask, byte[] status);
}
