using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Image;
using SkiaSharp;

namespace MsaMl.Transforms.Tests;

public sealed class ImageTensorTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _files.Dispose();

    /// <summary>A PNG whose left half is pure red and right half pure blue.</summary>
    private string WriteSplitImage(string name, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0, 0, 255));
            using var red = new SKPaint { Color = new SKColor(255, 0, 0) };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }
        string path = _files.PathOf(name);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    [Fact]
    public void KnownPixelValuesInUnitRangeAndImageNetScaling()
    {
        string path = WriteSplitImage("split.png", 128, 96);
        var data = _ml.Data.LoadFromEnumerable(new[] { new ImageRow { ImagePath = path } });
        var output = _ml.Msa().Transforms.ImageTensor().Fit(data).Transform(data);
        Assert.Equal(new[] { 3, 64, 64 }, FeatureColumn.ReadShape(output.Schema["ImageTensor"]));
        var pixels = Columns.Read(output, "ImageTensor")[0];
        int plane = 64 * 64;
        Assert.Equal(1f, pixels[10 * 64 + 5], 3);              // R, left
        Assert.Equal(0f, pixels[10 * 64 + 60], 3);             // R, right
        Assert.Equal(0f, pixels[plane + 10 * 64 + 5], 3);      // G
        Assert.Equal(1f, pixels[2 * plane + 10 * 64 + 60], 3); // B, right

        var imageNet = _ml.Msa().Transforms.ImageTensor(new ImageTensorOptions { Normalization = PixelNormalization.ImageNet }).Fit(data).Transform(data);
        var normalized = Columns.Read(imageNet, "ImageTensor")[0];
        Assert.Equal((1 - 0.485f) / 0.229f, normalized[10 * 64 + 5], 3);
        Assert.Equal(-0.406f / 0.225f, normalized[2 * plane + 10 * 64 + 5], 3);
    }

    [Fact]
    public void ImageTransformsRoundTripThroughJson()
    {
        string path = WriteSplitImage("rt.png", 40, 30);
        var data = _ml.Data.LoadFromEnumerable(new[] { new ImageRow { ImagePath = path } });
        var tensor = _ml.Msa().Transforms.ImageTensor(new ImageTensorOptions { Width = 16, Height = 8, Normalization = PixelNormalization.ImageNet }).Fit(data);
        var features = _ml.Msa().Transforms.PretrainedImageFeatures().Fit(data);
        foreach (var (model, column) in new (FeaturizingTransformer, string)[] { (tensor, "ImageTensor"), (features, "ImageFeatures") })
        {
            var recreated = TransformFactory.Create(model.Kind, model.SaveOptions());
            Assert.Equal(Columns.Read(model.Transform(data), column), Columns.Read(recreated.Transform(data), column));
        }
        Assert.Equal(new[] { 3, 8, 16 }, FeatureColumn.ReadShape(tensor.Transform(data).Schema["ImageTensor"]));
    }

    [Fact]
    public void CorruptMissingAndEmptyImagesNameRowAndPath()
    {
        string good = WriteSplitImage("ok.png", 32, 32);
        string corrupt = _files.PathOf("corrupt.jpg");
        File.WriteAllBytes(corrupt, new byte[] { 0xFF, 0xD8, 0xFF, 1, 2, 3, 4, 5 });
        string empty = _files.PathOf("empty.png");
        File.WriteAllBytes(empty, Array.Empty<byte>());
        foreach (var (bad, expected) in new[] { (corrupt, "not a decodable image"), (empty, "empty"), (_files.PathOf("nope.png"), "not found") })
        {
            var data = _ml.Data.LoadFromEnumerable(new[] { new ImageRow { ImagePath = good }, new ImageRow { ImagePath = bad } });
            var output = _ml.Msa().Transforms.ImageTensor().Fit(data).Transform(data);
            var error = Assert.Throws<MsaInputException>(() => Columns.Read(output, "ImageTensor"));
            Assert.Equal(1, error.Row);
            Assert.Contains(bad, error.Message);
            Assert.Contains(expected, error.Message);
        }
    }

    [Fact]
    public void ResNet18FeaturesSeparateImagesAndMatchSingleRowScoring()
    {
        string split = WriteSplitImage("a.png", 64, 64);
        string other = _files.PathOf("b.png");
        using (var bitmap = new SKBitmap(64, 64))
        {
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(SKColors.White);
                using var paint = new SKPaint { Color = SKColors.Black, StrokeWidth = 4, IsStroke = true };
                for (int i = 0; i < 64; i += 8) canvas.DrawLine(i, 0, 64 - i, 64, paint);
            }
            using var image = SKImage.FromBitmap(bitmap);
            File.WriteAllBytes(other, image.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        }
        var data = _ml.Data.LoadFromEnumerable(new[] { new ImageRow { ImagePath = split }, new ImageRow { ImagePath = other }, new ImageRow { ImagePath = split }, new ImageRow() });
        var model = _ml.Msa().Transforms.PretrainedImageFeatures().Fit(data);
        var features = Columns.Read(model.Transform(data), "ImageFeatures");

        Assert.Equal(512, features[0].Length);
        Assert.Contains(features[0], v => v != 0);
        Assert.Equal(features[0], features[2]);
        Assert.True(Columns.Cosine(features[0], features[1]) < 0.99);
        Assert.All(features[3], v => Assert.Equal(0f, v));

        var engine = _ml.Model.CreatePredictionEngine<ImageRow, FeaturesOutput>(model);
        var single = engine.Predict(new ImageRow { ImagePath = other }).ImageFeatures;
        for (int i = 0; i < 512; i++) Assert.Equal(features[1][i], single[i], tolerance: 1e-3f);
    }

    public sealed class FeaturesOutput
    {
        [VectorType(512)]
        public float[] ImageFeatures { get; set; } = Array.Empty<float>();
    }
}
