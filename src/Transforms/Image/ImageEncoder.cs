using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;

namespace MsaMl.Transforms.Image;

/// <summary>An image encoder (optional preprocessing ONNX + encoder ONNX), loaded once per process.</summary>
public sealed class ImageEncoder
{
    private static readonly ConcurrentDictionary<string, Lazy<ImageEncoder>> Cache = new();

    private readonly InferenceSession? _preprocess;
    private readonly InferenceSession _encoder;
    private readonly bool _singleImageInput;

    private ImageEncoder(InferenceSession? preprocess, InferenceSession encoder)
    {
        _preprocess = preprocess;
        _encoder = encoder;
        var first = preprocess ?? encoder;
        _singleImageInput = first.InputMetadata.First().Value.Dimensions[0] == 1;
        var outputDims = encoder.OutputMetadata.First().Value.Dimensions;
        FeatureSize = outputDims.Skip(1).Aggregate(1, (a, d) => a * Math.Max(d, 1));
    }

    /// <summary>Floats per image in the encoder's first output.</summary>
    public int FeatureSize { get; }

    public static ImageEncoder For(PretrainedImageFeaturesOptions options)
    {
        var (model, preprocess) = ResolvePaths(options);
        string key = $"{model}|{preprocess}|{options.IntraOpThreads}";
        return Cache.GetOrAdd(key, _ => new Lazy<ImageEncoder>(() =>
        {
            var sessionOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
            if (options.IntraOpThreads > 0) sessionOptions.IntraOpNumThreads = options.IntraOpThreads;
            return new ImageEncoder(preprocess == null ? null : new InferenceSession(preprocess, sessionOptions),
                new InferenceSession(model, sessionOptions));
        })).Value;
    }

    /// <summary>The encoder and preprocessing model files; the packaged ResNet-18 when no model is given.</summary>
    public static (string Model, string? Preprocess) ResolvePaths(PretrainedImageFeaturesOptions options)
    {
        if (options.ModelPath != null)
        {
            if (!File.Exists(options.ModelPath)) throw new FileNotFoundException($"image encoder not found: {options.ModelPath}", options.ModelPath);
            if (options.PreprocessModelPath != null && !File.Exists(options.PreprocessModelPath))
                throw new FileNotFoundException($"preprocessing model not found: {options.PreprocessModelPath}", options.PreprocessModelPath);
            return (options.ModelPath, options.PreprocessModelPath);
        }
        string folder = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        string model = Path.Combine(folder, "ResNet18Onnx", "ResNet18.onnx");
        string prep = Path.Combine(folder, "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        if (!File.Exists(model) || !File.Exists(prep))
            throw new FileNotFoundException(
                $"The packaged ResNet-18 was not found under {folder}. It is copied there by the Microsoft.ML.DnnImageFeaturizer.ResNet18 package; " +
                "reference that package from the application project, or set ModelPath.", model);
        return (model, prep);
    }

    /// <summary>Runs [batch, 3, size, size] pixels through the models; returns [batch, FeatureSize].</summary>
    public float[] Run(float[] pixels, int batch, int size)
    {
        if (!_singleImageInput || batch == 1) return RunBatch(pixels, batch, size);
        // Models exported with a fixed batch of one (the packaged ResNet-18) run image by image.
        int plane = 3 * size * size;
        var features = new float[batch * FeatureSize];
        for (int i = 0; i < batch; i++)
            RunBatch(pixels[(i * plane)..((i + 1) * plane)], 1, size).CopyTo(features, i * FeatureSize);
        return features;
    }

    private float[] RunBatch(float[] pixels, int batch, int size)
    {
        long[] shape = { batch, 3, size, size };
        if (_preprocess == null) return RunSingle(_encoder, pixels, shape);
        var prepared = RunSingle(_preprocess, pixels, shape, out var preparedShape);
        return RunSingle(_encoder, prepared, preparedShape);
    }

    private static float[] RunSingle(InferenceSession session, float[] input, long[] shape) => RunSingle(session, input, shape, out _);

    private static float[] RunSingle(InferenceSession session, float[] input, long[] shape, out long[] outputShape)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        string inputName = session.InputMetadata.Keys.First();
        string outputName = session.OutputMetadata.Keys.First();
        using var outputs = session.Run(runOptions, new[] { inputName }, new[] { value }, new[] { outputName });
        outputShape = outputs[0].GetTensorTypeAndShape().Shape;
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
