namespace MsaMl.Datasets.Video;

/// <summary>The sentiment-intensity benchmarks MMSA packages with a <c>label.csv</c>, which fix the label scale and the metrics.</summary>
public enum MmsaDataset
{
    /// <summary>CMU-MOSI: labels in [-3, 3]; MMSA's MOSI/MOSEI metrics.</summary>
    Mosi,

    /// <summary>CMU-MOSEI: labels in [-3, 3]; MMSA's MOSI/MOSEI metrics.</summary>
    Mosei,

    /// <summary>CH-SIMS: labels (and unimodal labels) in [-1, 1]; MMSA's SIMS metrics.</summary>
    Sims,
}
