using Microsoft.ML;
using MsaMl.Trainers;
using MsaMl.Trainers.Composition.Encoders;
using SkiaSharp;

namespace MsaMl.Cli.Tests;

/// <summary>
/// Image -> ImageTensor -> the packaged ImageNet ResNet-18 with its top stage fine-tuned -> a
/// regression head, saved in a bundle and scored by <c>msa predict</c> in a process of its own,
/// after the ONNX files the training started from are deleted: the bundle re-creates the network
/// from its layout and holds its weights, batch-norm statistics and mean image.
/// </summary>
public sealed class FineTunedImageBundleTests : IDisposable
{
    private const int Side = 32;
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-finetuned-image-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public sealed class Picture
    {
        public string ImagePath { get; set; } = "";
        public float Valence { get; set; }
    }

    /// <summary>PNGs of stripes: horizontal ones are positive (valence 2), vertical ones negative (-2), in random colours.</summary>
    private Picture[] Make(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            bool positive = i % 2 == 0;
            int period = 3 + random.Next(4);
            var ink = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            using var bitmap = new SKBitmap(Side, Side);
            for (int y = 0; y < Side; y++)
                for (int x = 0; x < Side; x++)
                    bitmap.SetPixel(x, y, (positive ? y : x) / period % 2 == 0 ? ink : SKColors.White);
            string path = Path.Combine(_folder, $"image-{seed}-{i}.png");
            using (var image = SKImage.FromBitmap(bitmap))
            using (var data = image.Encode(SKEncodedImageFormat.Png, 100))
                File.WriteAllBytes(path, data.ToArray());
            return new Picture { ImagePath = path, Valence = positive ? 2 : -2 };
        }).ToArray();
    }

    [Fact]
    public void AFineTunedImageEncoderScoresTheSameInAFreshProcessWithoutItsOnnxFiles()
    {
        string packaged = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        string model = Path.Combine(_folder, "resnet18-copy.onnx"), preprocess = Path.Combine(_folder, "preprocess-copy.onnx");
        File.Copy(Path.Combine(packaged, "ResNet18Onnx", "ResNet18.onnx"), model);
        File.Copy(Path.Combine(packaged, "ResNetPrepOnnx", "ResNetPreprocess.onnx"), preprocess);
        var encoder = PretrainedImageEncoderOptions.FromOnnx(model, preprocess);
        encoder.TrainableStages = 1;
        encoder.TrainBatchNorm = true;

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Make(8, seed: 3));
        var pipeline = ml.Msa().Transforms.ImageTensor(width: Side, height: Side)
            .Append(ml.Msa().Trainers.Composed(FreshProcessPrediction.ValenceRegression(encoder, batchSize: 4)));
        var trained = pipeline.Fit(data);
        string bundle = Path.Combine(_folder, "fine-tuned-image.zip");
        ml.Msa().Model.Save(trained, data.Schema, bundle);
        File.Delete(model);
        File.Delete(preprocess);

        var engine = ml.Model.CreatePredictionEngine<Picture, FreshProcessPrediction.ScoreRow>(trained);
        foreach (var picture in Make(2, seed: 11))
        {
            float inProcess = engine.Predict(picture).Score;
            double fresh = FreshProcessPrediction.Intensity(bundle, "--image", picture.ImagePath);
            Assert.True(Math.Abs(fresh - inProcess) < 1e-4, $"{picture.ImagePath}: {fresh} in a fresh process, {inProcess} in the training process");
        }
        Assert.False(File.Exists(model));
    }
}
