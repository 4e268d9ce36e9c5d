namespace MsaMl.DemoCorpus.Images;

/// <summary>What an image or caption expresses. Neutral content is drawn for both labels.</summary>
public enum Mood
{
    Positive,
    Negative,
    Neutral,
}

/// <summary>Kinds of procedural picture.</summary>
public enum PictureKind
{
    Face,
    Scene,
    ColourField,
}
