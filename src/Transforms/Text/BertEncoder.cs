using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace MsaMl.Transforms.Text;

/// <summary>
/// A WordPiece tokenizer and a BERT ONNX encoder loaded once per process and shared (ONNX Runtime
/// sessions are safe to run from several threads).
/// </summary>
public sealed class BertEncoder
{
    private const string EmbeddedModel = MiniLmModelFile.ResourceName;

    private static readonly ConcurrentDictionary<string, Lazy<BertEncoder>> Cache = new();

    private readonly InferenceSession _session;
    private readonly bool _hasTokenTypes;

    private BertEncoder(InferenceSession session, BertTokenizer tokenizer, string tokenOutputName)
    {
        _session = session;
        Tokenizer = tokenizer;
        TokenOutputName = tokenOutputName;
        _hasTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        foreach (var required in new[] { "input_ids", "attention_mask" })
            if (!session.InputMetadata.ContainsKey(required))
                throw new InvalidDataException($"BERT model: expected an input named '{required}', found {string.Join(", ", session.InputMetadata.Keys)}.");
        HiddenSize = ProbeHiddenSize();
    }

    public BertTokenizer Tokenizer { get; }
    public string TokenOutputName { get; }
    public int HiddenSize { get; }

    /// <summary>The encoder for these options, loaded on first use.</summary>
    public static BertEncoder For(BertEmbeddingOptions options)
    {
        string key = $"{options.ModelPath ?? "embedded"}|{options.VocabPath ?? "embedded"}|{options.TokenOutputName}|{options.LowerCase}|{options.IntraOpThreads}";
        return Cache.GetOrAdd(key, _ => new Lazy<BertEncoder>(() => Load(options))).Value;
    }

    private static BertEncoder Load(BertEmbeddingOptions options)
    {
        if ((options.ModelPath == null) != (options.VocabPath == null))
            throw new ArgumentException("Give both ModelPath and VocabPath for a custom BERT encoder, or neither for the embedded MiniLM.");

        var sessionOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (options.IntraOpThreads > 0) sessionOptions.IntraOpNumThreads = options.IntraOpThreads;

        InferenceSession session;
        if (options.ModelPath == null)
            session = new InferenceSession(ReadEmbedded(EmbeddedModel), sessionOptions);
        else
        {
            if (!File.Exists(options.ModelPath)) throw new FileNotFoundException($"BERT model not found: {options.ModelPath}", options.ModelPath);
            if (!File.Exists(options.VocabPath)) throw new FileNotFoundException($"BERT vocabulary not found: {options.VocabPath}", options.VocabPath);
            session = new InferenceSession(options.ModelPath, sessionOptions);
        }
        var tokenizer = WordPieceTokenizers.For(options.VocabPath, options.LowerCase);

        string output = options.TokenOutputName
            ?? session.OutputMetadata.FirstOrDefault(o => o.Value.Dimensions.Length == 3).Key
            ?? throw new InvalidDataException($"BERT model has no [batch, seq, hidden] output; outputs: {string.Join(", ", session.OutputMetadata.Keys)}.");
        if (!session.OutputMetadata.ContainsKey(output))
            throw new InvalidDataException($"BERT model has no output '{output}'; outputs: {string.Join(", ", session.OutputMetadata.Keys)}.");
        return new BertEncoder(session, tokenizer, output);
    }

    private static byte[] ReadEmbedded(string name)
    {
        using var stream = WordPieceTokenizers.OpenEmbedded(name);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private int ProbeHiddenSize()
    {
        int last = _session.OutputMetadata[TokenOutputName].Dimensions[^1];
        if (last > 0) return last;
        var ids = new[] { (long)Tokenizer.ClassificationTokenId, Tokenizer.SeparatorTokenId };
        return Run(ids, new long[] { 1, 1 }, 1, 2).Length / 2;
    }

    /// <summary>Token ids of <paramref name="text"/> with [CLS] and [SEP], at most <paramref name="maxTokens"/> in all.</summary>
    public int[] Tokenize(string text, int maxTokens) => WordPieceTokenizers.Tokenize(Tokenizer, text, maxTokens);

    /// <summary>Runs the encoder on a padded [batch, seq] block; returns [batch, seq, hidden] floats.</summary>
    internal float[] Run(long[] inputIds, long[] attentionMask, int batch, int seq)
    {
        long[] shape = { batch, seq };
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue>
        {
            OrtValue.CreateTensorValueFromMemory(inputIds, shape),
            OrtValue.CreateTensorValueFromMemory(attentionMask, shape),
        };
        try
        {
            if (_hasTokenTypes)
            {
                names.Add("token_type_ids");
                values.Add(OrtValue.CreateTensorValueFromMemory(new long[inputIds.Length], shape));
            }
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, names, values, new[] { TokenOutputName });
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            foreach (var v in values) v.Dispose();
        }
    }
}
