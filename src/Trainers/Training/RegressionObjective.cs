using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>L1 or MSE on a [batch, 1] output against Single targets; mean absolute error as the quality figure.</summary>
internal sealed class RegressionObjective(RegressionLoss loss) : TrainingObjective
{
    public override bool HigherIsBetter => false;

    public override Tensor Loss(Tensor output, Tensor labels) => loss == RegressionLoss.Mse
        ? nn.functional.mse_loss(output.flatten(), labels)
        : nn.functional.l1_loss(output.flatten(), labels);

    public override double Sum(Tensor output, Tensor labels) =>
        nn.functional.l1_loss(output.flatten(), labels, nn.Reduction.Sum).item<float>();
}
