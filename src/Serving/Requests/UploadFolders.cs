namespace MsaMl.Serving.Requests;

/// <summary>
/// The service's private folder for uploads (<c>msaml-serve-*</c>, 0700, under the temporary folder or
/// <see cref="MsaServingOptions.UploadRoot"/>), with one sub-folder per request, deleted after the request;
/// the whole folder is deleted when the service stops.
/// </summary>
internal sealed class UploadFolders : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public UploadFolders(string? root)
    {
        Root = root == null
            ? Directory.CreateTempSubdirectory("msaml-serve-").FullName
            : CreatePrivate(Path.Combine(Path.GetFullPath(root), "msaml-serve-" + Guid.NewGuid().ToString("N")));
    }

    /// <summary>The service's folder.</summary>
    public string Root { get; }

    /// <summary>A new private folder for one request's uploads.</summary>
    public string CreateRequestFolder() => CreatePrivate(Path.Combine(Root, Guid.NewGuid().ToString("N")));

    /// <summary>Deletes a request's folder and what is in it; a failure (a file still open elsewhere) is left to <see cref="Dispose"/>.</summary>
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    public void Dispose() => Delete(Root);

    private static string CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, Private);
        return path;
    }
}
