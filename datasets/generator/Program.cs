using MsaMl.DemoCorpus;
using MsaMl.DemoCorpus.Images;
using MsaMl.DemoCorpus.Speech;

// Regenerates the demo corpus: dotnet run --project datasets/generator [-- --out <folder>] [-- --only speech|images]
const int SpeechSeed = 20240601;
const int ImageSeed = 20240602;
const int ImagesPerLabel = 210;

string? outFolder = null, only = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length: outFolder = args[++i]; break;
        case "--only" when i + 1 < args.Length && args[i + 1] is "speech" or "images": only = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: msaml-demo-corpus [--out <folder>] [--only speech|images]");
            return 2;
    }
}

string demo = Path.GetFullPath(outFolder ?? CorpusFolder.Locate());
Directory.CreateDirectory(demo);
Console.WriteLine($"writing the demo corpus to {demo}");

if (only is null or "speech")
{
    var speech = SpeechCorpus.Generate(demo, SpeechSeed, Console.Out);
    BalanceReport.Write(Console.Out, "speech", speech);
    foreach (var (emotion, settings) in EmotionProsody.Describe()) Console.WriteLine($"  prosody {emotion}: {settings}");
}
if (only is null or "images")
{
    var images = ImageCorpus.Generate(demo, ImagesPerLabel, ImageSeed, Console.Out);
    BalanceReport.Write(Console.Out, "images", images);
}
return 0;
