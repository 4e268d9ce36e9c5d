namespace MsaMl.Serving.Requests;

/// <summary>One row of a request: its text and the uploads saved in the request's folder (empty where absent).</summary>
/// <param name="Field">How errors name the row's fields: "" for <c>/predict</c>, "rows[2]." in a batch.</param>
internal sealed record RequestRow(string Field, string Text, string AudioPath, string ImagePath)
{
    /// <summary>The modalities the row gives.</summary>
    public Modalities Present =>
        (Text.Length > 0 ? Modalities.Text : Modalities.None)
        | (AudioPath.Length > 0 ? Modalities.Audio : Modalities.None)
        | (ImagePath.Length > 0 ? Modalities.Image : Modalities.None);
}
