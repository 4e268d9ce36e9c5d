using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Cli.Tests.Quality;

public sealed class ScalarLifetimeTests
{
    // TorchScalars makes the cached Scalars; ScalarRaceReproducer misuses them on purpose, to show the crash.
    private static readonly TorchScalarRule Rule = new("MsaMl.Trainers.Training.TorchScalars", "MsaMl.Benchmarks.ScalarRaceReproducer");

    public static TheoryData<string> ProductAssemblies() => new()
    {
        "MsaMl.Core", "MsaMl.Transforms", "MsaMl.Trainers", "MsaMl.Pipelines", "MsaMl.Experiments", "msa", "MsaMl.Benchmarks",
    };

    [Theory]
    [MemberData(nameof(ProductAssemblies))]
    public void ProductCodePassesNoTemporaryScalarToLibTorch(string assemblyName)
    {
        var violations = Rule.Violations(Assembly.Load(assemblyName));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void TheRuleFindsImplicitConversionsAndInternallyConvertingOverloads()
    {
        var violations = Rule.Violations(typeof(ScalarMisuse).Assembly).Where(v => v.Contains(nameof(ScalarMisuse))).ToList();
        Assert.Contains(violations, v => v.Contains(nameof(ScalarMisuse.MultipliesByADouble)) && v.Contains("op_Implicit"));
        Assert.Contains(violations, v => v.Contains(nameof(ScalarMisuse.AddsInPlace)) && v.Contains("add_(Tensor)"));
        Assert.Contains(violations, v => v.Contains(nameof(ScalarMisuse.UsesThePlusOperator)) && v.Contains("op_Addition"));
        Assert.Contains(violations, v => v.Contains(nameof(ScalarMisuse.MakesTorchSharpsBatchNorm)) && v.Contains("whose forward"));
        Assert.DoesNotContain(violations, v => v.Contains(nameof(ScalarMisuse.SubtractsWithTheMinusOperator)));
        Assert.DoesNotContain(violations, v => v.Contains(nameof(ScalarMisuse.MakesALinearLayer)));
    }

    [Fact]
    public void TorchSharpsOwnInternallyConvertingOverloadsAreKnown()
    {
        var members = TorchScalarRule.TemporaryScalarMembersOfTorchSharp.Select(IlCalls.Describe).ToHashSet();
        Assert.Contains("TorchSharp.torch+Tensor.add_(Tensor)", members);
        Assert.Contains("TorchSharp.torch+Tensor.op_Addition(Tensor, Tensor)", members);
        Assert.DoesNotContain("TorchSharp.torch+Tensor.op_Subtraction(Tensor, Tensor)", members);
    }

    /// <summary>Deliberate misuse the rule must report (never called).</summary>
    private static class ScalarMisuse
    {
        public static Tensor MultipliesByADouble(Tensor t) => t.mul(0.5);
        public static Tensor AddsInPlace(Tensor a, Tensor b) => a.add_(b);
        public static Tensor UsesThePlusOperator(Tensor a, Tensor b) => a + b;
        public static Tensor SubtractsWithTheMinusOperator(Tensor a, Tensor b) => a - b;
        public static nn.Module<Tensor, Tensor> MakesTorchSharpsBatchNorm() => nn.BatchNorm2d(4);
        public static nn.Module<Tensor, Tensor> MakesALinearLayer() => nn.Linear(4, 2);
    }
}
