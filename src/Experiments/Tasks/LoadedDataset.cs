using MsaMl.Datasets;

namespace MsaMl.Experiments;

/// <summary>A dataset read by name (<see cref="DatasetLoader.Read"/>): its records, class names and the reader's warnings.</summary>
/// <param name="Records">The records, their <c>Split</c> set.</param>
/// <param name="Labels">The class names in key order.</param>
/// <param name="Warnings">What the reader left out or worked around, one line per kind of problem with its count.</param>
/// <param name="Summary">What a table reader read (rows, labels, splits, how it was split), in one line; null for the other readers.</param>
public sealed record LoadedDataset(IReadOnlyList<MultimodalRecord> Records, IReadOnlyList<string> Labels, IReadOnlyList<string> Warnings, string? Summary = null);
