using System.Collections.Concurrent;

namespace MsaMl.Trainers.Composition;

/// <summary>
/// Resolves the <c>$type</c> of a saved or configured encoder, fusion or head: a type's full name
/// (what bundles save), or its short name (what a configuration may write) when exactly one loaded
/// non-abstract subclass of the part's base has it. Only subclasses of that base are ever returned,
/// so a file cannot name any other type. A part defined in the caller's own assembly is found once
/// that assembly is loaded; nothing registers it.
/// </summary>
public static class CompositionPartTypes
{
    /// <summary>The JSON property that names a part's class.</summary>
    public const string TypeProperty = "$type";

    private static readonly ConcurrentDictionary<(Type, string), Type> Resolved = new();

    /// <summary>The subclass of <paramref name="baseType"/> that <paramref name="name"/> names; null when none (or, for a short name, more than one) does.</summary>
    /// <remarks>Only found types are remembered: an assembly loaded later can still supply a name not found before.</remarks>
    public static Type? Resolve(Type baseType, string name)
    {
        if (Resolved.TryGetValue((baseType, name), out var known)) return known;
        var found = Find(baseType, name);
        if (found is not null) Resolved[(baseType, name)] = found;
        return found;
    }

    /// <summary>The loaded non-abstract subclasses of <paramref name="baseType"/>, for messages that list them.</summary>
    public static IReadOnlyList<Type> Known(Type baseType) =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic).SelectMany(Types)
            .Where(t => t is { IsAbstract: false, IsPublic: true } && baseType.IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    private static Type? Find(Type baseType, string name)
    {
        var full = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(name, throwOnError: false))
            .FirstOrDefault(t => t is { IsAbstract: false } && baseType.IsAssignableFrom(t));
        if (full is not null || name.Contains('.')) return full;
        var matches = Known(baseType).Where(t => t.Name == name).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static IEnumerable<Type> Types(System.Reflection.Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (System.Reflection.ReflectionTypeLoadException ex) { return ex.Types.Where(t => t is not null)!; }
    }
}
