using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Benchmarks;

/// <summary>
/// Multiply-add count of a training step: 3x the forward FLOPs (forward, input gradients, weight
/// gradients) of every convolution and linear layer, measured by running the network once with
/// a forward hook on each of those layers.
/// </summary>
internal static class FlopCounter
{
    public static double TrainingStepFlops(nn.Module<Tensor[], Tensor> net, long[][] shapes, int batch)
    {
        double forward = 0;
        var removers = new List<Action>();
        foreach (var (_, module) in net.named_modules())
        {
            if (module is Conv2d conv)
            {
                var remover = conv.register_forward_hook((m, input, output) =>
                {
                    var w = conv.weight!.shape;
                    forward += 2.0 * output.numel() * w[1] * w[2] * w[3];
                    return output;
                });
                removers.Add(() => remover.remove());
            }
            else if (module is Linear linear)
            {
                var remover = linear.register_forward_hook((m, input, output) =>
                {
                    forward += 2.0 * output.numel() * linear.weight!.shape[1];
                    return output;
                });
                removers.Add(() => remover.remove());
            }
        }
        using (torch.no_grad())
        using (var scope = NewDisposeScope())
        {
            net.eval();
            net.forward(shapes.Select(s => zeros(s.Prepend(batch).ToArray())).ToArray());
            net.train();
        }
        foreach (var remove in removers) remove();
        return 3 * forward;
    }
}
