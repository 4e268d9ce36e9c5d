using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using MsaMl.Transforms.Text;

namespace MsaMl.Benchmarks;

/// <summary>
/// MiniLM sentence throughput: the BertEmbedding transform against a bare ONNX Runtime session on
/// the same batches (32 sentences padded to 60 tokens), and on utterance-length text (~12 words)
/// where length bucketing pads only to the longest row of each batch.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class BertBenchmarks
{
    private MLContext _ml = null!;
    private BertEncoder _encoder = null!;
    private IDataView _long = null!;
    private IDataView _utterances = null!;
    private ITransformer _transform = null!;
    private ITransformer _utteranceTransform = null!;

    /// <summary>Rows per encoder call for the utterance-length run.</summary>
    [Params(32, 64)]
    public int EncoderBatch { get; set; }
    private long[] _ids = Array.Empty<long>();
    private long[] _mask = Array.Empty<long>();

    public sealed class Row { public string Text { get; set; } = ""; }

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        var random = new Random(3);
        string[] words = "the a happy sad angry calm today tomorrow really very quite house street car music friend dinner work morning evening".Split(' ');
        string Sentence(int n) => string.Join(" ", Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        var longRows = Enumerable.Range(0, 32).Select(_ => new Row { Text = Sentence(70) }).ToList();
        var shortRows = Enumerable.Range(0, 256).Select(_ => new Row { Text = Sentence(8 + random.Next(9)) }).ToList();
        _long = _ml.Data.LoadFromEnumerable(longRows);
        _utterances = _ml.Data.LoadFromEnumerable(shortRows);
        var options = new BertEmbeddingOptions { TokenEmbeddingsColumnName = "Tokens", SentenceEmbeddingColumnName = null };
        _transform = _ml.Msa().Transforms.BertEmbedding(options).Fit(_long);
        _encoder = BertEncoder.For(options);
        _utteranceTransform = _ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions
        {
            TokenEmbeddingsColumnName = "Tokens",
            SentenceEmbeddingColumnName = null,
            EncoderBatchSize = EncoderBatch,
        }).Fit(_utterances);
        _ids = new long[32 * 60];
        _mask = new long[32 * 60];
        for (int b = 0; b < 32; b++)
        {
            var ids = _encoder.Tokenize(longRows[b].Text, 60);
            for (int t = 0; t < ids.Length; t++) { _ids[b * 60 + t] = ids[t]; _mask[b * 60 + t] = 1; }
        }
    }

    [Benchmark(Baseline = true, Description = "bare ORT session, 32 x 60 tokens")]
    public int BareSession() => _encoder.Run(_ids, _mask, 32, 60).Length;

    [Benchmark(Description = "BertEmbedding transform, 32 x 60 tokens")]
    public int Transform32x60() => DataViewDrain.Column(_transform.Transform(_long), "Tokens");

    /// <summary>256 sentences per call: sentences/s = 256 / mean.</summary>
    [Benchmark(Description = "BertEmbedding transform, 256 utterances (~12 words)")]
    public int Utterances256() => DataViewDrain.Column(_utteranceTransform.Transform(_utterances), "Tokens");
}
