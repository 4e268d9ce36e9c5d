namespace MsaMl.Trainers.Modules;

/// <summary>How <see cref="PretrainedTextEncoder"/> turns a sentence's token states into one vector.</summary>
public enum SentencePooling
{
    /// <summary>The mean over the non-padding tokens (sentence-transformers' pooling, MiniLM's).</summary>
    Mean,

    /// <summary>The state of the first token ([CLS]).</summary>
    Cls,
}
