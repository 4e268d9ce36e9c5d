using MsaMl.Transforms.Core;

namespace MsaMl.Experiments;

/// <summary>
/// Writes a file through a temporary file in the same folder and a rename, so a reader never sees
/// a half-written result and a crash leaves the previous version in place.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string contents) =>
        Write(path, temp => File.WriteAllText(temp, contents, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, temp => File.WriteAllBytes(temp, bytes));

    private static void Write(string path, Action<string> writeTemp)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        RegularFile.RequireReplaceable(fullPath);
        string folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemp(temp);
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}
