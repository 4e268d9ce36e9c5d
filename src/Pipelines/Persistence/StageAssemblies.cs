using System.Reflection;

namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// The assemblies besides this one whose stages a bundle may hold: the featurizers (MsaMl.Transforms)
/// and the TorchSharp models (MsaMl.Trainers). Saved-stage loaders are found in the loaded assemblies
/// and the MsaMl assemblies they reference; an app that only loads a bundle uses no type of either,
/// and MsaMl.Pipelines itself may use none of MsaMl.Transforms, so the bundle loader loads them
/// before it reads a stage.
/// </summary>
internal static class StageAssemblies
{
    private static readonly Assembly[] Assemblies = [typeof(MsaTransformsCatalog).Assembly, typeof(MsaTrainersCatalog).Assembly];

    /// <summary>Loads the assemblies (once; their stages are registered as they load).</summary>
    public static int EnsureLoaded() => Assemblies.Length;
}
