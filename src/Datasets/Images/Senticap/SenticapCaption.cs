namespace MsaMl.Datasets.Images;

/// <summary>A caption as either annotation format gives it, before images are looked up.</summary>
internal sealed record SenticapCaption(string ImageFile, string Split, int CaptionIndex, string Raw, string Tokens, bool Positive);
