namespace MsaMl.Trainers.Modules;

/// <summary>How <see cref="WordEmbeddingEncoder"/> turns the vectors of a sentence's tokens into one.</summary>
public enum WordPooling
{
    /// <summary>The mean over the non-padding tokens.</summary>
    Mean,

    /// <summary>Attention over the non-padding tokens: e_t = u^T tanh(W x_t + b), softmax over the tokens, weighted sum.</summary>
    Attention,
}
