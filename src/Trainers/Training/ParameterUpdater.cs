using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Adam or SGD (with momentum) with L2 weight decay, as in torch.optim. MsaMl updates parameters
/// itself instead of using TorchSharp 0.107's optimizers: in long processes their step
/// intermittently read a freed scalar ("Expected false to be true ... toFloat" in addcmul_). Here
/// every scalar is owned and disposed explicitly, and all moment tensors belong to this object.
/// </summary>
public sealed class ParameterUpdater : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly OptimizerKind _kind;
    private readonly double _learningRate;
    private readonly double _weightDecay;
    private readonly double _momentum;
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly Tensor?[] _first;
    private readonly Tensor?[] _second;
    private int _step;

    public ParameterUpdater(IEnumerable<Parameter> parameters, OptimizerKind kind, double learningRate, double weightDecay, double momentum)
    {
        _parameters = parameters.Where(p => p.requires_grad).ToArray();
        _kind = kind;
        _learningRate = learningRate;
        _weightDecay = weightDecay;
        _momentum = momentum;
        _first = new Tensor?[_parameters.Length];
        _second = new Tensor?[_parameters.Length];
    }

    public void ZeroGrad()
    {
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
            if (_weightDecay != 0)
            {
                using var decay = _weightDecay.ToScalar();
                grad = grad.add(parameter, decay);
            }
            if (_kind == OptimizerKind.Adam) AdamUpdate(i, parameter, grad);
            else SgdUpdate(i, parameter, grad);
        }
    }

    private void AdamUpdate(int i, Parameter parameter, Tensor grad)
    {
        var first = _first[i] ??= Keep(zeros_like(parameter));
        var second = _second[i] ??= Keep(zeros_like(parameter));
        using var beta1 = Beta1.ToScalar();
        using var oneMinusBeta1 = (1 - Beta1).ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta2 = (1 - Beta2).ToScalar();
        first.mul_(beta1).add_(grad, oneMinusBeta1);
        second.mul_(beta2).addcmul_(grad, grad, oneMinusBeta2);

        double correction1 = 1 - Math.Pow(Beta1, _step);
        double correction2 = 1 - Math.Pow(Beta2, _step);
        using var sqrtCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var stepSize = (-_learningRate / correction1).ToScalar();
        var denominator = second.sqrt().div_(sqrtCorrection2).add_(epsilon);
        parameter.addcdiv_(first, denominator, stepSize);
    }

    private void SgdUpdate(int i, Parameter parameter, Tensor grad)
    {
        using var rate = (-_learningRate).ToScalar();
        if (_momentum == 0)
        {
            parameter.add_(grad, rate);
            return;
        }
        using var momentum = _momentum.ToScalar();
        var velocity = _first[i] ??= Keep(grad.clone());
        if (_step > 1) velocity.mul_(momentum).add_(grad);
        parameter.add_(velocity, rate);
    }

    private static Tensor Keep(Tensor tensor) => tensor.DetachFromDisposeScope();

    public void Dispose()
    {
        foreach (var t in _first.Concat(_second)) t?.Dispose();
    }
}
