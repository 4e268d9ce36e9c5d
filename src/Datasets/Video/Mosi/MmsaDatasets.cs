namespace MsaMl.Datasets.Video;

/// <summary>Names and label scales of <see cref="MmsaDataset"/>.</summary>
public static class MmsaDatasets
{
    /// <summary>The largest absolute label: 3 for MOSI and MOSEI, 1 for SIMS.</summary>
    public static float LabelBound(this MmsaDataset dataset) => dataset == MmsaDataset.Sims ? 1f : 3f;

    /// <summary>The name in summaries and reports: CMU-MOSI, CMU-MOSEI or CH-SIMS.</summary>
    public static string DisplayName(this MmsaDataset dataset) => dataset switch
    {
        MmsaDataset.Mosei => "CMU-MOSEI",
        MmsaDataset.Sims => "CH-SIMS",
        _ => "CMU-MOSI",
    };

    /// <summary>The dataset for a name as <c>msa train --dataset</c> takes it (mosi, mosei, sims or ch-sims), or null.</summary>
    public static MmsaDataset? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "mosi" or "cmu-mosi" => MmsaDataset.Mosi,
        "mosei" or "cmu-mosei" => MmsaDataset.Mosei,
        "sims" or "ch-sims" => MmsaDataset.Sims,
        _ => null,
    };
}
