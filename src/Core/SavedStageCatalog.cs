using System.Collections.Concurrent;
using System.Reflection;

namespace MsaMl.Transforms.Core;

/// <summary>
/// The saved-stage loaders that loaded assemblies declare with <see cref="SavedStageAttribute"/>:
/// read from every assembly loaded so far and from each one loaded later, and from the MsaMl
/// assemblies those reference (so a bundle loaded through MsaMl.Pipelines finds MsaMl.Trainers'
/// stages before any of its types has been touched).
/// </summary>
internal static class SavedStageCatalog
{
    private static readonly ConcurrentDictionary<string, ISavedStageLoader> Loaders = new();
    private static readonly ConcurrentDictionary<string, bool> Scanned = new();
    private static readonly Lazy<bool> Started = new(Start);

    public static ISavedStageLoader Loader(string kind)
    {
        _ = Started.Value;
        return Loaders.TryGetValue(kind, out var loader)
            ? loader
            : throw new InvalidDataException($"Unknown transform kind '{kind}'; known kinds: {string.Join(", ", Loaders.Keys.Order())}.");
    }

    private static bool Start()
    {
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Scan(e.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()) Scan(assembly);
        return true;
    }

    private static void Scan(Assembly assembly)
    {
        if (assembly.IsDynamic || !Scanned.TryAdd(assembly.FullName ?? assembly.GetName().Name!, true)) return;
        foreach (var declared in assembly.GetCustomAttributes<SavedStageAttribute>())
        {
            var loader = declared.Loader == null
                ? new ConstructorStageLoader(declared)
                : Activator.CreateInstance(declared.Loader, nonPublic: true) as ISavedStageLoader
                    ?? throw new InvalidOperationException($"{assembly.GetName().Name}: saved-stage loader {declared.Loader} does not implement {nameof(ISavedStageLoader)}.");
            var existing = Loaders.GetOrAdd(loader.Kind, loader);
            if (existing.GetType() != loader.GetType())
                throw new InvalidOperationException($"Stage kind '{loader.Kind}' is declared twice: by {existing.GetType()} and by {loader.GetType()}.");
        }
        foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name?.StartsWith("MsaMl.", StringComparison.Ordinal) == true))
        {
            try
            {
                Scan(Assembly.Load(reference));
            }
            catch (FileNotFoundException)
            {
                // A reference the app does not ship (for example a test helper) declares nothing it needs.
            }
        }
    }
}
