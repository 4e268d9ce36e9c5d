using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>One batch of model inputs and 0-based labels, created in the caller's dispose scope.</summary>
public readonly record struct TrainingBatch(Tensor[] Inputs, Tensor Labels, int Rows);
