namespace MsaMl.Transforms.Core;

/// <summary>What a path names, after following symbolic links (see <see cref="FileKinds.Of"/>).</summary>
public enum FileKind
{
    /// <summary>Nothing (or a dangling link).</summary>
    Missing,
    /// <summary>A regular file: the only kind MsaMl reads data from or replaces.</summary>
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    /// <summary>A named pipe: opening it for reading waits for a writer, possibly forever.</summary>
    Fifo,
    Socket,
    /// <summary>Something else the system reports.</summary>
    Other,
}
