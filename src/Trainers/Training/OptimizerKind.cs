namespace MsaMl.Trainers.Training;

/// <summary>The optimizer of a TorchSharp trainer.</summary>
public enum OptimizerKind { Adam, Sgd }
