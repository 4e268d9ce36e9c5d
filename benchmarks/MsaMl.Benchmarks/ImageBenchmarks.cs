using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using MsaMl.Transforms.Image;
using SkiaSharp;

namespace MsaMl.Benchmarks;

/// <summary>Image tensors per second (decode + resize to 64x64 + CHW floats) and ResNet-18 features per second, over 32 PNG files.</summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class ImageBenchmarks
{
    private string _folder = "";
    private string[] _paths = Array.Empty<string>();
    private IDataView _data = null!;
    private ITransformer _tensor = null!;
    private ITransformer _resnet = null!;

    public sealed class Row { public string ImagePath { get; set; } = ""; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("msaml-bench-").FullName;
        var random = new Random(2);
        _paths = Enumerable.Range(0, 32).Select(i =>
        {
            using var bitmap = new SKBitmap(256, 256);
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
                using var paint = new SKPaint { Color = SKColors.Black };
                canvas.DrawCircle(random.Next(256), random.Next(256), 40, paint);
            }
            string path = Path.Combine(_folder, $"{i}.png");
            using var image = SKImage.FromBitmap(bitmap);
            File.WriteAllBytes(path, image.Encode(SKEncodedImageFormat.Png, 90).ToArray());
            return path;
        }).ToArray();
        var ml = new MLContext(seed: 1);
        _data = ml.Data.LoadFromEnumerable(_paths.Select(p => new Row { ImagePath = p }));
        _tensor = ml.Msa().Transforms.ImageTensor().Fit(_data);
        _resnet = ml.Msa().Transforms.PretrainedImageFeatures().Fit(_data);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "SkiaSharp decode only, 32 images")]
    public int DecodeOnly()
    {
        int total = 0;
        foreach (var path in _paths)
        {
            using var bitmap = SKBitmap.Decode(path);
            total += bitmap.Width;
        }
        return total;
    }

    [Benchmark(Description = "ImageTensor 64x64, 32 images")]
    public int ImageTensor() => DataViewDrain.Column(_tensor.Transform(_data), "ImageTensor");

    [Benchmark(Description = "ResNet-18 features, 32 images")]
    public int ResNet18() => DataViewDrain.Column(_resnet.Transform(_data), "ImageFeatures");
}
