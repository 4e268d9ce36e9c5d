using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition;

/// <summary>An encoder module and the width of its output's last dimension.</summary>
/// <param name="Module">Reads a batch of one feature column.</param>
/// <param name="Width">The size of the output's last dimension (a vector's length, or a sequence's step width).</param>
public sealed record EncoderModule(nn.Module<Tensor, Tensor> Module, long Width);
