namespace MsaMl.Experiments;

/// <summary>The score columns late fusion reads: each single-modality member writes its own, named after its modality.</summary>
public static class LateMemberScore
{
    /// <summary>The score column of the member over <paramref name="modality"/>: ScoreAudio, ScoreImage, ScoreText.</summary>
    public static string Of(Modalities modality) => $"Score{modality}";

    /// <summary>The modality whose member writes <paramref name="scoreColumn"/>.</summary>
    /// <exception cref="ArgumentException">The column is not a member's score column.</exception>
    public static Modalities ModalityOf(string scoreColumn) =>
        scoreColumn.StartsWith("Score", StringComparison.Ordinal) && Enum.TryParse<Modalities>(scoreColumn["Score".Length..], out var m) && m.Members().Count == 1
            ? m : throw new ArgumentException($"'{scoreColumn}' is not a late-fusion member's score column (Score<Modality>).");
}
