using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>An output column of a <see cref="RowMappingTransformer"/>.</summary>
public sealed record OutputColumn(string Name, DataViewType Type, DataViewSchema.Annotations? Annotations = null);
