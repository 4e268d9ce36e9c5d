using System.Reflection;
using Microsoft.ML;

namespace MsaMl.Experiments;

/// <summary>The versions of the packages a result was produced with, read from their loaded assemblies.</summary>
/// <param name="MsaMl">MsaMl (this assembly's informational version).</param>
/// <param name="MlNet">Microsoft.ML.</param>
/// <param name="TorchSharp">TorchSharp.</param>
/// <param name="OnnxRuntime">Microsoft.ML.OnnxRuntime (managed assembly).</param>
/// <param name="DotNet">The .NET runtime.</param>
public sealed record PackageVersions(string MsaMl, string MlNet, string TorchSharp, string OnnxRuntime, string DotNet)
{
    /// <summary>The versions loaded in this process.</summary>
    public static PackageVersions Current() => new(
        VersionOf(typeof(PackageVersions)),
        VersionOf(typeof(MLContext)),
        VersionOf(typeof(TorchSharp.torch)),
        VersionOf(typeof(Microsoft.ML.OnnxRuntime.InferenceSession)),
        Environment.Version.ToString());

    private static string VersionOf(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? type.Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
