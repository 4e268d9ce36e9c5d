using MsaMl.Trainers.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// 2-D batch normalization with the parameters and buffers of TorchSharp's <c>BatchNorm2d</c>
/// (weight, bias, running_mean, running_var, num_batches_tracked, so saved weights load either
/// way), whose batch counter never passes libtorch a temporary Scalar. TorchSharp 0.107's
/// <c>BatchNorm.forward</c> counts with <c>num_batches_tracked.add_(1)</c>, which builds two
/// temporary Scalars; the GC may free one while libtorch reads it, which stopped a training run with
/// "For integral input tensors, argument alpha must not be a floating point number".
/// </summary>
public sealed class BatchNorm2dCounted : nn.Module<Tensor, Tensor>
{
    public BatchNorm2dCounted(long features, double eps = 1e-5, double momentum = 0.1) : base(nameof(BatchNorm2dCounted))
    {
        Eps = eps;
        Momentum = momentum;
        // Registered by name, not held in fields: moving the module to a device replaces them.
        register_parameter("weight", new Parameter(ones(features)));
        register_parameter("bias", new Parameter(zeros(features)));
        register_buffer("running_mean", zeros(features));
        register_buffer("running_var", ones(features));
        register_buffer("num_batches_tracked", zeros(Array.Empty<long>(), ScalarType.Int64));
    }

    /// <summary>The weight of each new batch in the running statistics.</summary>
    public double Momentum { get; set; }

    public double Eps { get; }

    /// <summary>
    /// Normalize with the running statistics and leave them as they are, in training mode too (a
    /// frozen pretrained layer's batch normalization, or one fine-tuned on small batches).
    /// </summary>
    public bool FrozenStatistics { get; set; }

    /// <summary>Zero running mean, unit running variance, no batch counted.</summary>
    public void ResetRunningStatistics()
    {
        using var noGrad = torch.no_grad();
        Buffer("running_mean").zero_();
        Buffer("running_var").fill_(TorchScalars.One);
        Buffer("num_batches_tracked").zero_();
    }

    public override Tensor forward(Tensor input)
    {
        bool batchStatistics = training && !FrozenStatistics;
        if (batchStatistics)
        {
            using var noGrad = torch.no_grad();
            Buffer("num_batches_tracked").add_(TorchScalars.OneInteger, TorchScalars.OneInteger);
        }
        return nn.functional.batch_norm(input, Buffer("running_mean"), Buffer("running_var"),
            get_parameter("weight"), get_parameter("bias"), batchStatistics, Momentum, Eps);
    }

    private Tensor Buffer(string name) => get_buffer(name) ?? throw new InvalidOperationException($"{nameof(BatchNorm2dCounted)} has no buffer '{name}'.");
}
