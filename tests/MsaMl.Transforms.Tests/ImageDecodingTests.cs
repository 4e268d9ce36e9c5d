using Microsoft.ML;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Image;
using SkiaSharp;

namespace MsaMl.Transforms.Tests;

/// <summary>
/// The image fixture matrix of tests/fixtures/images (made by its make_images.py): every picture is
/// 16 wide and 32 high, top half red (left) and green (right), bottom half blue, however it is stored.
/// </summary>
public sealed class ImageDecodingTests
{
    private const int Width = 8, Height = 16, Plane = Width * Height;
    private readonly MLContext _ml = new(seed: 1);

    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures", "images", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"tests/fixtures/images/{name} not found above the test folder.");
    }

    private float[] Tensor(string path, UnreadableImagePolicy policy = UnreadableImagePolicy.Throw) =>
        Tensors([path], policy).Values[0];

    private (float[][] Values, ImageTensorTransformer Model) Tensors(string[] paths, UnreadableImagePolicy policy)
    {
        var data = _ml.Data.LoadFromEnumerable(paths.Select(p => new ImageRow { ImagePath = p }).ToList());
        var model = _ml.Msa().Transforms.ImageTensor(new ImageTensorOptions { Width = Width, Height = Height, UnreadableImages = policy }).Fit(data);
        return (Columns.Read(model.Transform(data), "ImageTensor"), model);
    }

    private static (float R, float G, float B) Pixel(float[] chw, int x, int y) =>
        (chw[y * Width + x], chw[Plane + y * Width + x], chw[2 * Plane + y * Width + x]);

    /// <summary>Top left red, top right green, bottom blue (within <paramref name="tolerance"/>, values in [0, 1]).</summary>
    private static void AssertUprightScene(float[] chw, float tolerance = 0.1f)
    {
        AssertColor((1, 0, 0), Pixel(chw, 1, 3), tolerance, "top left");
        AssertColor((0, 1, 0), Pixel(chw, 6, 3), tolerance, "top right");
        AssertColor((0, 0, 1), Pixel(chw, 4, 12), tolerance, "bottom");
    }

    private static void AssertColor((float R, float G, float B) expected, (float R, float G, float B) actual, float tolerance, string where) =>
        Assert.True(Math.Abs(expected.R - actual.R) <= tolerance && Math.Abs(expected.G - actual.G) <= tolerance && Math.Abs(expected.B - actual.B) <= tolerance,
            $"{where}: expected {expected}, got {actual}");

    [Theory]
    [InlineData("jpeg-named.png")]
    [InlineData("png-named.jpg")]
    public void TheContentDecidesTheFormatNotTheExtension(string name) => AssertUprightScene(Tensor(Fixture(name)));

    [Fact]
    public void WebPNamedJpgIsRead()
    {
        using var scene = ImageDecoder.Decode(Fixture("png-named.jpg"));
        string path = Path.Combine(Path.GetTempPath(), $"msaml-webp-{Guid.NewGuid():N}.jpg");
        try
        {
            using (var image = SKImage.FromBitmap(scene))
            using (var webp = image.Encode(SKEncodedImageFormat.Webp, 100))
                File.WriteAllBytes(path, webp.ToArray());
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 0, 4));
            AssertUprightScene(Tensor(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("exif-rotate-90.jpg")]
    [InlineData("exif-rotate-180.jpg")]
    [InlineData("exif-rotate-270.jpg")]
    [InlineData("exif-mirror.jpg")]
    public void ExifOrientationIsHonoured(string name)
    {
        string path = Fixture(name);
        using (var raw = SKBitmap.Decode(path))
            Assert.NotEqual(SKColors.Red, Quantize(raw.GetPixel(2, 2))); // stored turned or mirrored: not red where the viewer shows red

        AssertUprightScene(Tensor(path));
        using var upright = ImageDecoder.Decode(path);
        Assert.Equal((16, 32), (upright.Width, upright.Height));
    }

    private static SKColor Quantize(SKColor c) => new((byte)(c.Red > 127 ? 255 : 0), (byte)(c.Green > 127 ? 255 : 0), (byte)(c.Blue > 127 ? 255 : 0));

    [Theory]
    [InlineData("rgb-16bit.png")]
    [InlineData("palette.png")]
    [InlineData("cmyk.jpg")]
    [InlineData("animated.gif")]
    public void SixteenBitPaletteCmykAndAnimatedImagesAreRead(string name) => AssertUprightScene(Tensor(Fixture(name)), tolerance: 0.15f);

    [Fact]
    public void AnAnimatedGifGivesItsFirstFrame()
    {
        // The second frame is all yellow; the first is the scene.
        var pixels = Tensor(Fixture("animated.gif"));
        AssertColor((0, 0, 1), Pixel(pixels, 4, 12), 0.01f, "bottom of frame 1");
    }

    [Theory]
    [InlineData("gray.jpg")]
    [InlineData("gray-16bit.png")]
    public void GrayscaleImagesGiveEqualChannels(string name)
    {
        var pixels = Tensor(Fixture(name));
        for (int p = 0; p < Plane; p++)
        {
            Assert.Equal(pixels[p], pixels[Plane + p], 3);
            Assert.Equal(pixels[p], pixels[2 * Plane + p], 3);
        }
        Assert.True(Pixel(pixels, 4, 12).R < Pixel(pixels, 1, 3).R - 0.1f, "the bottom is darker than the top");
    }

    [Theory]
    [InlineData("truncated.png", "PNG data is truncated")]
    [InlineData("truncated.jpg", "JPEG data is truncated")]
    public void ATruncatedImageIsAnErrorNamingTheFile(string name, string expected)
    {
        string path = Fixture(name);
        using (var partial = SKBitmap.Decode(path)) Assert.NotNull(partial); // SkiaSharp alone would decode it in part, silently

        var error = Assert.Throws<MsaInputException>(() => Tensor(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Equal(0, error.Row);
    }

    [Fact]
    public void AnUnsupportedFormatIsRefusedByName()
    {
        string path = Fixture("tiff-named.png");
        var error = Assert.Throws<MsaInputException>(() => Tensor(path));
        Assert.Contains("TIFF images are not supported", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void WithMissingModalityAnUnreadableImageIsZeroAndAWarning()
    {
        string good = Fixture("jpeg-named.png"), truncated = Fixture("truncated.png"), tiff = Fixture("tiff-named.png");

        var (values, model) = Tensors([good, truncated, tiff], UnreadableImagePolicy.MissingModality);

        AssertUprightScene(values[0]);
        Assert.All(values[1], v => Assert.Equal(0f, v));
        Assert.All(values[2], v => Assert.Equal(0f, v));
        Assert.Equal(2, model.Warnings.Count);
        Assert.Contains("row 1", model.Warnings.Lines[0]);
        Assert.Contains(truncated, model.Warnings.Lines[0]);
        Assert.Contains("missing image", model.Warnings.Lines[0]);
        Assert.Contains(tiff, model.Warnings.Lines[1]);
        // The same as errors, for a caller that maps rows back to its records.
        Assert.Equal(new[] { (1L, truncated), (2L, tiff) }, model.Warnings.Images.Select(i => (i.Row, i.Value)));
    }

    [Fact]
    public void PretrainedFeaturesFollowTheSamePolicy()
    {
        string truncated = Fixture("truncated.jpg");
        var data = _ml.Data.LoadFromEnumerable(new[] { new ImageRow { ImagePath = Fixture("palette.png") }, new ImageRow { ImagePath = truncated } });

        var strict = _ml.Msa().Transforms.PretrainedImageFeatures().Fit(data);
        Assert.Contains(truncated, Assert.Throws<MsaInputException>(() => Columns.Read(strict.Transform(data), "ImageFeatures")).Message);

        var lenient = _ml.Msa().Transforms.PretrainedImageFeatures(new PretrainedImageFeaturesOptions { UnreadableImages = UnreadableImagePolicy.MissingModality }).Fit(data);
        var features = Columns.Read(lenient.Transform(data), "ImageFeatures");
        Assert.Contains(features[0], v => v != 0);
        Assert.All(features[1], v => Assert.Equal(0f, v));
        Assert.Equal(1, lenient.Warnings.Count);
    }
}
