namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// The sizes of a post-LayerNorm BERT encoder (<see cref="PretrainedBertEncoder"/>): enough to
/// create it without its ONNX file, for example when a saved model re-creates a fine-tuned encoder
/// whose weights come from the model bundle. The defaults are all-MiniLM-L6-v2's.
/// </summary>
public sealed record BertArchitecture
{
    /// <summary>Rows of the word-embedding table (the WordPiece vocabulary).</summary>
    public int VocabularySize { get; init; } = 30522;

    /// <summary>The width of the token states.</summary>
    public int HiddenSize { get; init; } = 384;

    /// <summary>Transformer layers.</summary>
    public int Layers { get; init; } = 6;

    /// <summary>Attention heads per layer (they split <see cref="HiddenSize"/>).</summary>
    public int Heads { get; init; } = 12;

    /// <summary>The width of each layer's feed-forward block.</summary>
    public int IntermediateSize { get; init; } = 1536;

    /// <summary>Rows of the position table: the most tokens a sequence may have.</summary>
    public int MaxPositions { get; init; } = 512;

    /// <summary>Rows of the token-type table; 0 when the model has none.</summary>
    public int TokenTypes { get; init; } = 2;

    /// <summary>The epsilon of every LayerNorm.</summary>
    public double LayerNormEpsilon { get; init; } = 1e-12;

    /// <summary>The GELU between each layer's dense layers.</summary>
    public GeluKind Gelu { get; init; } = GeluKind.Erf;

    /// <summary>The attention scores are divided by this (sqrt of the head width in BERT: 8 for MiniLM's 32).</summary>
    public double ScoreDivisor { get; init; } = Math.Sqrt(32);

    /// <summary>all-MiniLM-L6-v2's sizes.</summary>
    public static BertArchitecture MiniLm { get; } = new();

    /// <summary>Checks the sizes; returns them. <paramref name="owner"/> names the options in errors.</summary>
    /// <exception cref="ArgumentException">A size out of range, or heads that do not split the hidden width.</exception>
    public BertArchitecture Validate(string owner = nameof(BertArchitecture))
    {
        static void Positive(string owner, string name, long value, long max)
        {
            if (value < 1 || value > max) throw new ArgumentOutOfRangeException(name, $"{owner}.{name} must be 1 to {max}, got {value}.");
        }
        Positive(owner, nameof(VocabularySize), VocabularySize, 10_000_000);
        Positive(owner, nameof(HiddenSize), HiddenSize, 65536);
        Positive(owner, nameof(Layers), Layers, 1000);
        Positive(owner, nameof(Heads), Heads, HiddenSize);
        Positive(owner, nameof(IntermediateSize), IntermediateSize, 1 << 20);
        Positive(owner, nameof(MaxPositions), MaxPositions, 1 << 20);
        if (HiddenSize % Heads != 0)
            throw new ArgumentException($"{owner}.Heads ({Heads}) must divide HiddenSize ({HiddenSize}).", nameof(Heads));
        if (TokenTypes < 0) throw new ArgumentOutOfRangeException(nameof(TokenTypes), $"{owner}.TokenTypes must be 0 (none) or more, got {TokenTypes}.");
        if (!(LayerNormEpsilon > 0 && LayerNormEpsilon < 1)) throw new ArgumentOutOfRangeException(nameof(LayerNormEpsilon), $"{owner}.LayerNormEpsilon must be in (0, 1), got {LayerNormEpsilon}.");
        if (!Enum.IsDefined(Gelu)) throw new ArgumentOutOfRangeException(nameof(Gelu), $"{owner}.Gelu must be Erf or Tanh, got {Gelu}.");
        if (!(ScoreDivisor > 0) || double.IsInfinity(ScoreDivisor)) throw new ArgumentOutOfRangeException(nameof(ScoreDivisor), $"{owner}.ScoreDivisor must be positive, got {ScoreDivisor}.");
        return this;
    }

    /// <summary>The sizes of matched weights; a graph whose layers differ in size, GELU or epsilon is refused.</summary>
    internal static BertArchitecture Of(BertWeights weights, string source)
    {
        var first = weights.Layers[0];
        var architecture = new BertArchitecture
        {
            VocabularySize = checked((int)weights.WordEmbeddings.Dims[0]),
            HiddenSize = checked((int)weights.HiddenSize),
            Layers = weights.Layers.Count,
            Heads = first.Heads,
            IntermediateSize = checked((int)first.Intermediate.OutFeatures),
            MaxPositions = checked((int)weights.PositionEmbeddings.Dims[0]),
            TokenTypes = weights.TokenTypeEmbeddings == null ? 0 : checked((int)weights.TokenTypeEmbeddings.Dims[0]),
            LayerNormEpsilon = weights.EmbeddingNorm.Epsilon,
            Gelu = first.Gelu,
            ScoreDivisor = first.ScoreDivisor,
        };
        for (int i = 0; i < weights.Layers.Count; i++)
        {
            var layer = weights.Layers[i];
            if (layer.Heads != first.Heads || layer.Intermediate.OutFeatures != first.Intermediate.OutFeatures || layer.Gelu != first.Gelu
                || layer.ScoreDivisor != first.ScoreDivisor || layer.AttentionNorm.Epsilon != architecture.LayerNormEpsilon || layer.OutputNorm.Epsilon != architecture.LayerNormEpsilon)
                throw new InvalidDataException($"{source}: layer {i} differs from layer 0 or the embeddings in heads, intermediate size, GELU, score divisor or LayerNorm epsilon; a fine-tunable encoder needs one size for all layers.");
        }
        return architecture;
    }

    /// <summary>The first size that differs from <paramref name="other"/>, as "Name this, other's", or null when none does.</summary>
    internal string? FirstDifference(BertArchitecture other)
    {
        foreach (var property in typeof(BertArchitecture).GetProperties().Where(p => p.GetIndexParameters().Length == 0 && !p.GetMethod!.IsStatic))
        {
            object? mine = property.GetValue(this), theirs = property.GetValue(other);
            bool same = mine is double a && theirs is double b
                ? Math.Abs(a - b) <= 1e-6 * Math.Max(Math.Abs(a), Math.Abs(b))   // files keep these as float32
                : Equals(mine, theirs);
            if (!same) return $"{property.Name} {mine}, {theirs}";
        }
        return null;
    }
}
