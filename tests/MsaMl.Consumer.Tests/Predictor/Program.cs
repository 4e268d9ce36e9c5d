// The second process of the consumer test: loads a bundle saved by another process and scores
// rows through the thread-safe pool, as a scoring app would: with the scoring columns only, no label.
using Microsoft.ML;
using MsaMl;
using MsaMl.Datasets;

var ml = new MLContext();
ITransformer model = ml.Msa().Model.Load(args[0], out _);
using var pool = ml.Msa().Model.CreatePredictionEnginePool<MultimodalInput, Prediction>(model);
var classes = ml.Msa().Model.ClassNames(args[0]);
var corpus = DemoCorpusReader.ReadSpeech(ml, args[1]);
foreach (var row in corpus.Records.Where(r => r.Split == "test").Take(3))
{
    var prediction = pool.Predict(MultimodalInput.Of(row));
    Console.WriteLine($"predicted {classes[(int)prediction.PredictedLabel - 1]} ({prediction.Score.Max():F2}) truth {row.Label}");
}

public sealed class Prediction
{
    public uint PredictedLabel { get; set; }
    public float[] Score { get; set; } = [];
}
