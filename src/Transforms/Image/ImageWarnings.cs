using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Image;

/// <summary>
/// The images an image transform skipped under <see cref="UnreadableImagePolicy.MissingModality"/>:
/// one line each (column, row, file, problem), shared by every cursor of the transformer.
/// </summary>
public sealed class ImageWarnings : TransformWarnings
{
}
