namespace MsaMl.Datasets;

/// <summary>What <see cref="TableReader"/> does with a row whose audio or image file does not exist.</summary>
public enum MissingFilePolicy
{
    /// <summary>Keep the row with an empty path: that modality is missing (all-zero features), the others are used.</summary>
    KeepAsMissingModality,

    /// <summary>Leave the row out.</summary>
    DropRow,
}
