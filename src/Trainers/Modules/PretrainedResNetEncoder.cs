using MsaMl.Trainers.Pretrained;
using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// An input adapter (pixels or a spectrogram -> the network's input) -> a pretrained basic-block
/// ResNet (<see cref="PretrainedResNet"/>) -> the average of its last feature map [batch, 512] ->
/// an optional linear projection. Only the top <c>trainableStages</c> stages learn (-1: all and the
/// stem); the rest have <c>requires_grad</c> false and run without gradients, and their batch
/// normalization always uses its running statistics. Trainable stages' batch normalization uses
/// batch statistics (updating the running ones) only with <c>trainBatchNorm</c>. The ResNet's
/// parameters learn at the trainer's rate times <c>rateMultiplier</c>; the projection at the trainer's.
/// </summary>
public sealed class PretrainedResNetEncoder : nn.Module<Tensor, Tensor>, IScaledLearningRates
{
    private readonly nn.Module<Tensor, Tensor> input;
    private readonly PretrainedResNet resnet;
    private readonly Linear? projection;
    private readonly int _firstTrainableBlock;
    private readonly double _rateMultiplier;

    /// <summary>An encoder of <paramref name="architecture"/>'s layout (torch's default initialization until weights are loaded).</summary>
    public PretrainedResNetEncoder(nn.Module<Tensor, Tensor> input, ResNetArchitecture architecture, int trainableStages, double rateMultiplier, bool trainBatchNorm, int projectedSize)
        : base(nameof(PretrainedResNetEncoder))
    {
        int stages = architecture.StageCount;
        if (trainableStages < -1 || trainableStages > stages)
            throw new ArgumentOutOfRangeException(nameof(trainableStages), $"TrainableStages must be -1 (all and the stem) to {stages} (the stages), got {trainableStages}.");
        this.input = input;
        resnet = new PretrainedResNet(architecture);
        if (projectedSize > 0) projection = nn.Linear(architecture.FeatureSize, projectedSize);
        RegisterComponents();
        _rateMultiplier = rateMultiplier;
        var stageOf = architecture.StageOfBlocks();
        _firstTrainableBlock = trainableStages < 0 ? -1 : Enumerable.Range(0, stageOf.Length).FirstOrDefault(i => stageOf[i] >= stages - trainableStages, stageOf.Length);
        Width = projectedSize > 0 ? projectedSize : architecture.FeatureSize;

        foreach (var parameter in resnet.parameters()) parameter.requires_grad = false;
        foreach (var (parameter, _) in LearningRateMultipliers()) parameter.requires_grad = true;
        var trainable = TrainableUnits().Select(u => u.Norm).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var norm in resnet.modules().OfType<BatchNorm2dCounted>())
            norm.FrozenStatistics = !(trainBatchNorm && trainable.Contains(norm));
    }

    /// <summary>The wrapped ResNet.</summary>
    public PretrainedResNet ResNet => resnet;

    /// <summary>The input adapter.</summary>
    public nn.Module<Tensor, Tensor> Input => input;

    /// <summary>The length of the encoded vector.</summary>
    public int Width { get; }

    private IEnumerable<ConvUnit> TrainableUnits()
    {
        if (_firstTrainableBlock < 0) yield return resnet.Stem;
        for (int i = Math.Max(_firstTrainableBlock, 0); i < resnet.BlockCount; i++)
            foreach (var unit in resnet.Block(i).Units()) yield return unit;
    }

    /// <inheritdoc/>
    public IEnumerable<(Parameter Parameter, double Multiplier)> LearningRateMultipliers() =>
        TrainableUnits().SelectMany(u => u.parameters()).Select(p => (p, _rateMultiplier));

    /// <inheritdoc/>
    public override Tensor forward(Tensor batch)
    {
        using var scope = NewDisposeScope();
        var features = resnet.Features(input.forward(batch), _firstTrainableBlock);
        return (projection?.forward(features) ?? features).MoveToOuterDisposeScope();
    }
}
