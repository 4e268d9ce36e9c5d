using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Adam or SGD (with momentum) with L2 weight decay, as in torch.optim. MsaMl updates parameters
/// itself instead of using TorchSharp 0.107's optimizers: in long processes their step
/// intermittently failed reading a Scalar argument ("Expected false to be true ... toFloat" in
/// addcmul_ / add_): they build temporary Scalars. Coefficients here are 0-dim tensors, and the
/// only Scalar passed (alpha = 1) is a cached <see cref="TorchScalars"/> constant. Each parameter
/// may learn at its own rate (the trainer's times a multiplier, <see cref="LearningRates"/>);
/// parameters that do not require gradients are left out.
/// </summary>
internal sealed class ParameterUpdater : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly OptimizerKind _kind;
    private readonly double[] _learningRates;
    private readonly double _weightDecay;
    private readonly double _momentum;
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly Tensor?[] _first;
    private readonly Tensor?[] _second;
    private int _step;

    public ParameterUpdater(IEnumerable<Parameter> parameters, OptimizerKind kind, double learningRate, double weightDecay, double momentum, Func<Parameter, double>? rateMultiplier = null)
    {
        _parameters = parameters.Where(p => p.requires_grad).ToArray();
        _kind = kind;
        _learningRates = _parameters.Select(p => learningRate * (rateMultiplier?.Invoke(p) ?? 1)).ToArray();
        _weightDecay = weightDecay;
        _momentum = momentum;
        _first = new Tensor?[_parameters.Length];
        _second = new Tensor?[_parameters.Length];
    }

    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();   // each grad getter returns a new wrapper: keep it alive during zero_()
        foreach (var p in _parameters) p.grad?.zero_();
    }

    public void Step()
    {
        _step++;
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (parameter.grad is not { } grad) continue;
            var device = parameter.device;
            if (_weightDecay != 0) grad = grad.add(parameter.mul(Constant(_weightDecay, device)), TorchScalars.One);
            if (_kind == OptimizerKind.Adam) AdamUpdate(i, parameter, grad, device);
            else SgdUpdate(i, parameter, grad, device);
        }
    }

    // Coefficients are 0-dim tensors rather than Scalars: see the class remarks.
    private static Tensor Constant(double value, Device device) => tensor((float)value, device: device);

    private void AdamUpdate(int i, Parameter parameter, Tensor grad, Device device)
    {
        var first = _first[i] ??= Keep(zeros_like(parameter));
        var second = _second[i] ??= Keep(zeros_like(parameter));
        first.mul_(Constant(Beta1, device)).add_(grad.mul(Constant(1 - Beta1, device)), TorchScalars.One);
        second.mul_(Constant(Beta2, device)).add_(grad.mul(grad).mul_(Constant(1 - Beta2, device)), TorchScalars.One);

        double correction1 = 1 - Math.Pow(Beta1, _step);
        double correction2 = 1 - Math.Pow(Beta2, _step);
        var denominator = second.sqrt().div_(Constant(Math.Sqrt(correction2), device)).add_(Constant(Epsilon, device), TorchScalars.One);
        parameter.sub_(first.div(denominator).mul_(Constant(_learningRates[i] / correction1, device)));
    }

    private void SgdUpdate(int i, Parameter parameter, Tensor grad, Device device)
    {
        var rate = Constant(_learningRates[i], device);
        if (_momentum == 0)
        {
            parameter.sub_(grad.mul(rate));
            return;
        }
        var velocity = _first[i] ??= Keep(grad.clone());
        if (_step > 1) velocity.mul_(Constant(_momentum, device)).add_(grad, TorchScalars.One);
        parameter.sub_(velocity.mul(rate));
    }

    /// <summary>The rate of each updated parameter, in the order given (tests).</summary>
    internal IReadOnlyList<double> Rates => _learningRates;

    private static Tensor Keep(Tensor tensor) => tensor.DetachFromDisposeScope();

    public void Dispose()
    {
        foreach (var t in _first.Concat(_second)) t?.Dispose();
    }
}
