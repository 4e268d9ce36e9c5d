using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>Cross-entropy on class logits (optionally class-weighted); accuracy as the quality figure.</summary>
internal sealed class ClassificationObjective(Tensor? classWeights) : TrainingObjective
{
    public override bool HigherIsBetter => true;

    public override Tensor Loss(Tensor output, Tensor labels) => nn.functional.cross_entropy(output, labels, classWeights);

    public override double Sum(Tensor output, Tensor labels) => output.argmax(1).eq(labels).sum().item<long>();
}
