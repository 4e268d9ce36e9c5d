using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

/// <summary>Starting word embeddings read from an ONNX initializer (a tiny hand-encoded ONNX file).</summary>
public sealed class WordEmbeddingInitializationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-word-init-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheTableOfTheNamedInitializerBecomesTheEmbeddingsWithAZeroPaddingRow()
    {
        var table = Enumerable.Range(0, 5 * 3).Select(i => i * 0.5f).ToArray();
        string path = TinyOnnx.Write(_folder, ("other.weight", new long[] { 2 }, new float[] { 9, 9 }), ("embeddings.word_embeddings.weight", new long[] { 5, 3 }, table));
        var options = new WordEmbeddingOptions { VocabularySize = 5, EmbeddingDim = 3, InitialEmbeddingsModelPath = path };

        using var scope = NewDisposeScope();
        var encoder = options.Create(new[] { 4 }).Module;
        options.InitializeForTraining(encoder);
        encoder.eval();
        // Mean of the rows of ids 2 and 4 (padding ignored): ((3, 3.5, 4) + (6, 6.5, 7)) / 2.
        var pooled = encoder.forward(tensor(new float[] { 2, 4, 0, 0 }, 1, 4)).data<float>().ToArray();
        Assert.Equal(new[] { 4.5f, 5f, 5.5f }, pooled);
        Assert.Equal(0f, encoder.forward(tensor(new float[] { 0, 0, 0, 0 }, 1, 4)).abs().max().item<float>());
        var weight = ((WordEmbeddingEncoder)encoder).parameters().First();
        Assert.Equal(0f, weight[0].abs().max().item<float>());
    }

    [Fact]
    public void AWrongShapeOrAMissingTableIsRefusedNamingFileAndTensor()
    {
        string path = TinyOnnx.Write(_folder, ("embeddings.word_embeddings.weight", new long[] { 4, 3 }, new float[12]));
        var shape = Assert.Throws<InvalidDataException>(() =>
            new WordEmbeddingOptions { VocabularySize = 5, EmbeddingDim = 3, InitialEmbeddingsModelPath = path }.InitializeForTraining(new WordEmbeddingEncoder("T", 5, 3, WordPooling.Mean)));
        Assert.Contains("[4, 3]", shape.Message);
        Assert.Contains(path, shape.Message);

        var missing = Assert.Throws<InvalidDataException>(() =>
            new WordEmbeddingOptions { VocabularySize = 4, EmbeddingDim = 3, InitialEmbeddingsModelPath = path, InitialEmbeddingsTensorName = "nope" }.InitializeForTraining(new WordEmbeddingEncoder("T", 4, 3, WordPooling.Mean)));
        Assert.Contains("'nope'", missing.Message);
        Assert.Contains("embeddings.word_embeddings.weight", missing.Message);

        string garbage = Path.Combine(_folder, "garbage.onnx");
        File.WriteAllBytes(garbage, new byte[] { 0x3A, 0xFF, 0xFF });
        Assert.Throws<InvalidDataException>(() =>
            new WordEmbeddingOptions { VocabularySize = 4, EmbeddingDim = 3, InitialEmbeddingsModelPath = garbage }.InitializeForTraining(new WordEmbeddingEncoder("T", 4, 3, WordPooling.Mean)));
    }
}

/// <summary>Writes a minimal ONNX ModelProto (ir_version, graph with float initializers in raw_data) by hand.</summary>
internal static class TinyOnnx
{
    public static string Write(string folder, params (string Name, long[] Dims, float[] Values)[] initializers)
    {
        var graph = new MemoryStream();
        foreach (var (name, dims, values) in initializers)
        {
            var tensor = new MemoryStream();
            foreach (long d in dims) { Key(tensor, 1, 0); Varint(tensor, (ulong)d); }
            Key(tensor, 2, 0); Varint(tensor, 1);
            Bytes(tensor, 8, System.Text.Encoding.UTF8.GetBytes(name));
            Bytes(tensor, 9, values.SelectMany(BitConverter.GetBytes).ToArray());
            Bytes(graph, 5, tensor.ToArray());
        }
        var model = new MemoryStream();
        Key(model, 1, 0); Varint(model, 8);
        Bytes(model, 7, graph.ToArray());
        string path = Path.Combine(folder, $"tiny-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, model.ToArray());
        return path;
    }

    private static void Key(Stream s, int field, int wire) => Varint(s, (ulong)(field << 3 | wire));

    private static void Bytes(Stream s, int field, byte[] value)
    {
        Key(s, field, 2);
        Varint(s, (ulong)value.Length);
        s.Write(value);
    }

    private static void Varint(Stream s, ulong value)
    {
        while (value >= 0x80) { s.WriteByte((byte)(value | 0x80)); value >>= 7; }
        s.WriteByte((byte)value);
    }
}
