using MsaMl.Trainers.Pretrained;
using MsaMl.Trainers.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// Word2Vec-type text encoder (the OTE paper's light text option): trainable word embeddings over
/// the WordPiece vocabulary, read from a token-id column (the <c>TokenIds</c> transform's, padding
/// id 0), pooled over the non-padding tokens by their mean or by attention -> [EmbeddingDim].
/// Optionally starts from a BERT ONNX model's input word-embedding table (for example MiniLM's,
/// 30522 x 384), read when training starts and never when a saved model is loaded.
/// </summary>
public sealed class WordEmbeddingOptions : EncoderOptions
{
    /// <summary>Reads text from the <c>TextTokenIds</c> column unless set otherwise.</summary>
    public WordEmbeddingOptions()
    {
        Modality = Modalities.Text;
        ColumnName = "TextTokenIds";
    }

    /// <summary>Entries of the vocabulary (every id must be below it); MiniLM's WordPiece vocabulary has 30522.</summary>
    public int VocabularySize { get; set; } = 30522;

    /// <summary>The length of each word vector and of the encoder's output (384 to start from MiniLM's table).</summary>
    public int EmbeddingDim { get; set; } = 128;

    /// <summary>How the token vectors become one vector.</summary>
    public WordPooling Pooling { get; set; } = WordPooling.Mean;

    /// <summary>
    /// A BERT ONNX model whose input word-embedding table ([VocabularySize, EmbeddingDim]) the
    /// embeddings start from (<c>MsaMl.Transforms.Text.MiniLmModelFile.Write</c> gives MiniLM's);
    /// null: random N(0, 1) starting vectors. Read only when training starts.
    /// </summary>
    public string? InitialEmbeddingsModelPath { get; set; }

    /// <summary>The initializer holding the table; null: the one whose name ends with "word_embeddings.weight".</summary>
    public string? InitialEmbeddingsTensorName { get; set; }

    /// <summary>Checks the options; returns them.</summary>
    /// <exception cref="ArgumentException">A size out of range or an empty column or file name.</exception>
    public WordEmbeddingOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(ColumnName)) throw new ArgumentException("WordEmbeddingOptions.ColumnName must name the token-id column.", nameof(ColumnName));
        if (VocabularySize < 2) throw new ArgumentOutOfRangeException(nameof(VocabularySize), $"WordEmbeddingOptions.VocabularySize must be at least 2 (padding and a token), got {VocabularySize}.");
        if (EmbeddingDim < 1 || EmbeddingDim > 65536) throw new ArgumentOutOfRangeException(nameof(EmbeddingDim), $"WordEmbeddingOptions.EmbeddingDim must be 1 to 65536, got {EmbeddingDim}.");
        if ((long)VocabularySize * EmbeddingDim > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(VocabularySize), $"WordEmbeddingOptions: a table of {VocabularySize} x {EmbeddingDim} is over {int.MaxValue} values.");
        if (!Enum.IsDefined(Pooling)) throw new ArgumentOutOfRangeException(nameof(Pooling), $"WordEmbeddingOptions.Pooling must be Mean or Attention, got {Pooling}.");
        if (InitialEmbeddingsModelPath != null && string.IsNullOrWhiteSpace(InitialEmbeddingsModelPath))
            throw new ArgumentException("WordEmbeddingOptions.InitialEmbeddingsModelPath must be null or a file path.", nameof(InitialEmbeddingsModelPath));
        return this;
    }

    /// <inheritdoc/>
    public override EncoderModule Create(int[] rowShape)
    {
        Validate();
        if (rowShape.Length != 1)
            throw new ArgumentException($"Token-id column '{ColumnName}': expected a vector of token ids [tokens] (the TokenIds transform), found shape [{string.Join(", ", rowShape)}].");
        return new(new WordEmbeddingEncoder(ColumnName, VocabularySize, EmbeddingDim, Pooling), EmbeddingDim);
    }

    /// <summary>Copies the table of <see cref="InitialEmbeddingsModelPath"/> into the embeddings; nothing when it is null.</summary>
    public override void InitializeForTraining(nn.Module<Tensor, Tensor> module)
    {
        if (InitialEmbeddingsModelPath == null) return;
        if (!File.Exists(InitialEmbeddingsModelPath))
            throw new FileNotFoundException($"WordEmbeddingOptions.InitialEmbeddingsModelPath: no file {InitialEmbeddingsModelPath}.", InitialEmbeddingsModelPath);
        var table = OnnxModelReader.Read(InitialEmbeddingsModelPath).FindInitializer(InitialEmbeddingsTensorName, "word_embeddings.weight");
        if (table.Dims.Length != 2 || table.Dims[0] != VocabularySize || table.Dims[1] != EmbeddingDim)
            throw new InvalidDataException($"{InitialEmbeddingsModelPath}: initializer '{table.Name}' is [{string.Join(", ", table.Dims)}]; WordEmbeddingOptions expects [VocabularySize, EmbeddingDim] = [{VocabularySize}, {EmbeddingDim}].");
        ((WordEmbeddingEncoder)module).SetTable(table.ToFloats());
    }
}
