using System.Text.Json;
using System.Text.Json.Nodes;

namespace MsaMl.Experiments.Configuration;

/// <summary>Merges partial configurations (a file, command-line flags, <c>--set key.path=value</c>) onto a complete one; keys match case-insensitively.</summary>
public static class ConfigOverlay
{
    /// <summary>Copies every key of <paramref name="overlay"/> into <paramref name="target"/>, recursing into objects present in both.</summary>
    public static void Merge(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay.ToList())
        {
            string existing = Key(target, key) ?? key;
            if (target[existing] is JsonObject inner && value is JsonObject more) Merge(inner, more);
            else target[existing] = value?.DeepClone();
        }
    }

    /// <summary>Sets one key of an overlay from <c>key.path=value</c>; the value is read as JSON (number, true, null, [1,2], …) or else taken as a string.</summary>
    /// <exception cref="ArgumentException">The assignment has no <c>=</c> or an empty key.</exception>
    public static void Set(JsonObject overlay, string assignment)
    {
        int equals = assignment.IndexOf('=');
        if (equals <= 0) throw new ArgumentException($"--set expects key.path=value, got '{assignment}'.");
        string text = assignment[(equals + 1)..];
        JsonNode? value;
        try { value = JsonNode.Parse(text); }
        catch (JsonException) { value = JsonValue.Create(text); }
        Set(overlay, assignment[..equals].Trim(), value);
    }

    /// <summary>Sets one key of an overlay, creating the objects on its path.</summary>
    public static void Set(JsonObject overlay, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        if (parts.Any(p => p.Length == 0)) throw new ArgumentException($"--set: '{path}' is not a key path (keys separated by dots, e.g. model.epochs).");
        var node = overlay;
        foreach (var part in parts[..^1])
        {
            string key = Key(node, part) ?? part;
            if (node[key] is not JsonObject next) node[key] = next = new JsonObject();
            node = next;
        }
        node[Key(node, parts[^1]) ?? parts[^1]] = value;
    }

    /// <summary>The value at a key path of an overlay, or null.</summary>
    public static JsonNode? Get(JsonObject overlay, string path)
    {
        JsonNode? node = overlay;
        foreach (var part in path.Split('.'))
            node = node is JsonObject o && Key(o, part) is { } key ? o[key] : null;
        return node;
    }

    /// <summary>Whether the overlay sets <paramref name="path"/> to JSON null (not merely leaves it out).</summary>
    public static bool SetsNull(JsonObject overlay, string path)
    {
        int dot = path.LastIndexOf('.');
        var parent = dot < 0 ? overlay : Get(overlay, path[..dot]) as JsonObject;
        return parent is not null && Key(parent, path[(dot + 1)..]) is { } key && parent[key] is null;
    }

    private static string? Key(JsonObject o, string key) => o.Select(p => p.Key).FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
}
