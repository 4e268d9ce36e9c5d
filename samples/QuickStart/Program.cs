// MsaMl quick start: image + caption sentiment on the embedded demo corpus.
// read -> pipeline -> fit -> evaluate -> save -> load -> PredictionEngine
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl;
using MsaMl.Datasets;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Samples.QuickStart;
using MsaMl.Trainers.Ote;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;

var ml = new MLContext(seed: 1);

// 1. Read. The reader finds datasets/demo above the current or the application folder.
var corpus = DemoCorpusReader.ReadImages(ml);
Console.WriteLine(corpus.Summary);

// Copy rows into plain MultimodalRecords (the standard columns only), so the model's input
// schema is the one every MsaMl dataset reader produces.
IDataView SplitOf(string split) =>
    ml.Data.LoadFromEnumerable(corpus.Records.Where(r => r.Split == split).Select(r => r.ToStandard()).ToList());
var train = SplitOf("train");
var test = SplitOf("test");

// 2. Pipeline: ordinary ML.NET chaining; MsaMl's stages come from ml.Msa().
// OTE = a small image CNN + a text encoder over BERT token embeddings, fused by cross-modal attention.
var ote = ml.Msa().Trainers.Ote(new OteOptions
{
    ImageEncoder = OteImageEncoder.SmallCnn,
    SmallCnnWidths = new[] { 32, 64 },   // the paper's 516/1024 channels are far more than 64x64 demo pictures need
    ImageOutDim = 32,
    TextOutDim = 32,
    CrossModalDim = 32,
    Fusion = OteFusion.CrossModal,
    FeedForwardDim = 128,
    Epochs = 8,
    BatchSize = 32,
    LearningRate = 1e-3,
});
ote.Progress = new EpochPrinter();        // optional: print the learning curve

var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")                                          // "negative"/"positive" -> key
    .Append(ml.Msa().Transforms.ImageTensor(new ImageTensorOptions { Width = 64, Height = 64 }))        // ImagePath -> ImageTensor [3, 64, 64]
    .Append(ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { MaxTokens = 12 }))             // Text -> TextTokens [12, 384]
    .Append(ote)                                                                                        // -> Score, PredictedLabel
    .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedText", "PredictedLabel"));                 // key -> class name

Console.WriteLine("Training OTE on the train split...");
var watch = System.Diagnostics.Stopwatch.StartNew();
var model = pipeline.Fit(train);
Console.WriteLine($"Trained in {watch.Elapsed.TotalSeconds:F1} s");

// 3. Evaluate on the test split: MsaMl's metrics (WA, UA, F1, confusion matrix) and ML.NET's own.
var scored = model.Transform(test);
ClassificationMetrics metrics = ml.Msa().Evaluation.EvaluateClassification(scored);
Console.WriteLine();
Console.WriteLine(metrics.ToMarkdown());
Console.WriteLine($"WA {metrics.WeightedAccuracy:P1}, UA {metrics.UnweightedAccuracy:P1}, macro F1 {metrics.MacroF1:F3}");

MulticlassClassificationMetrics mlnet = ml.MulticlassClassification.Evaluate(scored);
Console.WriteLine($"ML.NET: micro accuracy {mlnet.MicroAccuracy:P1}, macro accuracy {mlnet.MacroAccuracy:P1}, log-loss {mlnet.LogLoss:F3}");

// 4. Save as an MsaMl model bundle (ML.NET's own zip cannot hold the TorchSharp stages).
string folder = Path.Combine(Path.GetTempPath(), "msaml-quickstart");
Directory.CreateDirectory(folder);
string path = Path.Combine(folder, "quickstart-model.zip");
ml.Msa().Model.Save(model, train.Schema, path);
Console.WriteLine($"\nSaved {path} ({new FileInfo(path).Length / 1024} KiB)");

// Load it in a fresh context, as a separate scoring app would, and predict single rows.
var ml2 = new MLContext(seed: 2);
ITransformer loaded = ml2.Msa().Model.Load(path, out DataViewSchema inputSchema);
var engine = ml2.Model.CreatePredictionEngine<MultimodalRecord, Prediction>(loaded);

// The Score column's slot names are the class names, in Score order.
VBuffer<ReadOnlyMemory<char>> slotNames = default;
loaded.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref slotNames);
string[] classes = slotNames.DenseValues().Select(n => n.ToString()).ToArray();

// One test row of each class.
foreach (var row in corpus.Records.Where(r => r.Split == "test").GroupBy(r => r.Label).Select(g => g.First()))
{
    Prediction p = engine.Predict(row.ToStandard());
    string scores = string.Join(", ", classes.Zip(p.Score, (c, s) => $"{c} {s:F2}"));
    Console.WriteLine($"\"{row.Text}\" ({Path.GetFileName(row.ImagePath)}): truth {row.Label}, predicted {p.PredictedText} [{scores}]");
}
