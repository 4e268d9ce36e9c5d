using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition;

/// <summary>A fusion module and the length of the fused vector it returns.</summary>
/// <param name="Module">Encoded modalities (in encoder order) -> one fused vector [batch, Width].</param>
/// <param name="Width">The length of the fused vector.</param>
public sealed record FusionModule(nn.Module<Tensor[], Tensor> Module, long Width);
