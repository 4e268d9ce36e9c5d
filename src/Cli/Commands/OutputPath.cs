using MsaMl.Transforms.Core;

namespace MsaMl.Cli.Commands;

/// <summary>
/// Checks where a command will write before it does any work, so that a training run is not lost
/// at its end to a missing or read-only folder: one line naming the option, the path and the
/// problem (exit code 2). Files are written through a temporary file in their folder and a rename,
/// so the folder must take a new file, and what is at the path must be a regular file or nothing.
/// </summary>
internal static class OutputPath
{
    /// <summary>A file the command writes; <paramref name="inputs"/> are the files it reads, which it must not replace.</summary>
    public static void CheckFile(string path, string option, params string?[] inputs)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"{option} is empty; expected the path of the file to write.");
        string full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        if (kind == FileKind.Directory)
            throw new ArgumentException($"{option} {path} is a folder; expected the path of the file to write, e.g. {Path.Combine(path, "model.zip")}.");
        if (kind != FileKind.Missing && kind != FileKind.Regular)
            throw new ArgumentException($"{option} {path} is {FileKinds.Describe(kind)}, not a regular file; msa does not write over it.");
        foreach (string? input in inputs)
            if (!string.IsNullOrWhiteSpace(input) && FileKinds.SameFile(full, Path.GetFullPath(input)))
                throw new ArgumentException($"{option} {path} is the input file {input}; writing there would replace it. Choose another path.");
        CheckWritable(Path.GetDirectoryName(full)!, $"the folder of {option}");
    }

    /// <summary>A folder the command writes files into, created when missing (with its parents).</summary>
    public static void CheckFolder(string path, string option)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"{option} is empty; expected a folder.");
        string full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        if (kind == FileKind.Missing)
        {
            try
            {
                Directory.CreateDirectory(full);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"cannot create the {option} folder {path}: {Reason(ex)}.");
            }
        }
        else if (kind != FileKind.Directory)
            throw new ArgumentException($"{option} {path} is {FileKinds.Describe(kind)}; expected a folder.");
        CheckWritable(full, $"the {option} folder");
    }

    private static void CheckWritable(string folder, string what)
    {
        var kind = FileKinds.Of(folder);
        if (kind == FileKind.Missing) throw new ArgumentException($"{what}, {folder}, does not exist; create it first.");
        if (kind != FileKind.Directory) throw new ArgumentException($"{what}, {folder}, is {FileKinds.Describe(kind)}, not a folder.");
        // Permissions alone do not tell (root, read-only mounts, ACLs): create a file as the write will.
        string probe = Path.Combine(folder, $".msa-write-check-{Guid.NewGuid():N}.tmp");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"cannot write in {what}, {folder}: {Reason(ex)}.");
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied",
        // /proc, for one, answers "no such file" to a new file in an existing folder.
        FileNotFoundException or DirectoryNotFoundException => "the file system does not take new files there",
        _ => ex.Message.TrimEnd('.'),
    };
}
