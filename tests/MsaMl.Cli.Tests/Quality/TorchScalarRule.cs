using System.Reflection;
using TorchSharp;

namespace MsaMl.Cli.Tests.Quality;

/// <summary>
/// TorchSharp 0.107 passes only a temporary <see cref="Scalar"/>'s native handle to libtorch; once
/// the handle is read the Scalar is unreachable and the finalizer thread may free it while libtorch
/// still reads it (a segfault, or "Expected false to be true ... toFloat"). This rule finds, in an
/// assembly's IL, (1) every implicit conversion to Scalar (a double or int where a Scalar
/// parameter is expected), and (2) every call of a TorchSharp member that builds such a temporary
/// itself (found by scanning TorchSharp's own IL: a method that creates a Scalar and never disposes
/// it, or calls one that does, such as <c>Tensor.add_(Tensor)</c> and the <c>+</c> operator).
/// Product code makes Scalars only in the one allowed type, which keeps them alive.
/// </summary>
internal sealed class TorchScalarRule
{
    private static readonly Lazy<HashSet<MethodBase>> TemporaryScalarMembers = new(FindTemporaryScalarMembers);

    public TorchScalarRule(params string[] allowedTypes) => AllowedTypes = allowedTypes;

    /// <summary>Full names of the types allowed to create Scalars (they keep them alive).</summary>
    public IReadOnlyList<string> AllowedTypes { get; }

    public IReadOnlyList<string> Violations(Assembly assembly)
    {
        var found = new List<string>();
        foreach (var method in IlCalls.MethodsOf(assembly))
        {
            if (IsAllowed(method)) continue;
            foreach (var callee in IlCalls.CalledBy(method))
            {
                if (CreatesScalar(callee))
                    found.Add($"{IlCalls.Describe(method)} converts to a temporary Scalar ({IlCalls.Describe(callee)})");
                else if (callee.DeclaringType?.Assembly == typeof(Scalar).Assembly && TemporaryScalarMembers.Value.Contains(Definition(callee)))
                    found.Add($"{IlCalls.Describe(method)} calls {IlCalls.Describe(callee)}, which passes a temporary Scalar to libtorch");
                else if (ModuleMade(callee) is { } module && ForwardPassesTemporaryScalar(module))
                    found.Add($"{IlCalls.Describe(method)} makes a {module.Name} ({IlCalls.Describe(callee)}), whose forward passes a temporary Scalar to libtorch");
            }
        }
        return found.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>TorchSharp members that build a temporary Scalar themselves or through a callee (a fixpoint over its call graph).</summary>
    public static IReadOnlySet<MethodBase> TemporaryScalarMembersOfTorchSharp => TemporaryScalarMembers.Value;

    private bool IsAllowed(MethodBase method)
    {
        var type = method.DeclaringType;
        while (type?.DeclaringType != null) type = type.DeclaringType;   // closures and local functions belong to their outer type
        return type != null && AllowedTypes.Contains(type.FullName);
    }

    /// <summary>The TorchSharp module type a factory call or constructor makes (e.g. <c>nn.BatchNorm2d(…)</c>), if any.</summary>
    private static Type? ModuleMade(MethodBase callee)
    {
        if (callee.DeclaringType?.Assembly != typeof(Scalar).Assembly) return null;
        var type = callee is ConstructorInfo ? callee.DeclaringType : (callee as MethodInfo)?.ReturnType;
        return type != null && typeof(torch.nn.Module).IsAssignableFrom(type) ? type : null;
    }

    /// <summary>Whether the module's forward (its own or an inherited TorchSharp one) builds a temporary Scalar, as BatchNorm's batch counter does.</summary>
    private static bool ForwardPassesTemporaryScalar(Type module) =>
        module.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == "forward" && m.DeclaringType?.Assembly == typeof(Scalar).Assembly)
            .Any(m => TemporaryScalarTokens.Value.Contains((m.Module, m.MetadataToken)));

    // An inherited method seen from a derived type is another MethodInfo (its ReflectedType differs), so compare by token.
    private static readonly Lazy<HashSet<(Module, int)>> TemporaryScalarTokens = new(() => TemporaryScalarMembers.Value.Select(m => (m.Module, m.MetadataToken)).ToHashSet());

    private static bool CreatesScalar(MethodBase callee) =>
        (callee.DeclaringType == typeof(Scalar) && (callee.Name == "op_Implicit" || callee.IsConstructor))
        || (callee.DeclaringType?.FullName == "TorchSharp.ScalarExtensionMethods" && callee.Name == "ToScalar");

    private static bool DisposesScalar(MethodBase callee) => callee.DeclaringType == typeof(Scalar) && callee.Name == "Dispose";

    private static MethodBase Definition(MethodBase method)
    {
        if (method is MethodInfo { IsGenericMethod: true } info && !info.IsGenericMethodDefinition) method = info.GetGenericMethodDefinition();
        if (method.DeclaringType is { IsGenericType: true, IsGenericTypeDefinition: false } generic)
        {
            var definition = generic.GetGenericTypeDefinition();
            return MethodBase.GetMethodFromHandle(method.MethodHandle, definition.TypeHandle) ?? method;
        }
        return method;
    }

    private static HashSet<MethodBase> FindTemporaryScalarMembers()
    {
        var calls = IlCalls.MethodsOf(typeof(Scalar).Assembly).ToDictionary(m => m, m => IlCalls.CalledBy(m).ToList());
        var members = calls
            .Where(c => c.Value.Any(CreatesScalar) && !c.Value.Any(DisposesScalar))
            .Select(c => c.Key)
            .ToHashSet();
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var (method, callees) in calls)
                if (!members.Contains(method) && !callees.Any(DisposesScalar) && callees.Any(c => members.Contains(Definition(c))) && members.Add(method))
                    grew = true;
        }
        return members;
    }
}
