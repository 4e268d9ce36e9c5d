namespace MsaMl.Transforms.Core;

internal static class FilePaths
{
    /// <summary>Absolute paths stay as they are; relative ones are taken from <paramref name="baseFolder"/> when given.</summary>
    public static string Resolve(string path, string? baseFolder)
    {
        path = path.Trim();
        return Path.IsPathRooted(path) || string.IsNullOrEmpty(baseFolder) ? path : Path.Combine(baseFolder, path);
    }
}
