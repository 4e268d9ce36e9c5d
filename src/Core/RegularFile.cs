namespace MsaMl.Transforms.Core;

/// <summary>
/// The checks before MsaMl reads or replaces a file by its path: only regular files (or links to
/// one). A named pipe would block the read forever, a device never ends or is replaced by the
/// rename that writes a result, and a folder is not "not found".
/// </summary>
public static class RegularFile
{
    /// <summary>Before reading <paramref name="path"/> as <paramref name="what"/> (e.g. "audio file", "table").</summary>
    /// <exception cref="FileNotFoundException">Nothing is there: "{what} not found: {path}".</exception>
    /// <exception cref="InvalidDataException">A folder, device, named pipe or socket is there; the message names it and the path.</exception>
    public static void RequireReadable(string path, string what)
    {
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing) throw new FileNotFoundException($"{what} not found: {path}", path);
        if (kind != FileKind.Regular)
            throw new InvalidDataException($"{what} {path} is {FileKinds.Describe(kind)}, not a regular file");
    }

    /// <summary>
    /// Before writing <paramref name="path"/> through a temporary file and a rename: nothing may be
    /// there but a regular file (or a link to one), since the rename would replace a device, a pipe or
    /// a socket with a regular file.
    /// </summary>
    /// <exception cref="IOException">Something else is there; the message names it and the path.</exception>
    public static void RequireReplaceable(string path)
    {
        var kind = FileKinds.Of(path);
        if (kind is not (FileKind.Missing or FileKind.Regular))
            throw new IOException($"{path} is {FileKinds.Describe(kind)}, not a regular file; it is left as it is, not replaced");
    }
}
