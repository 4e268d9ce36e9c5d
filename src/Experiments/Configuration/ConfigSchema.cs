using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MsaMl.Trainers.Composition;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// Checks a configuration's JSON against the option classes before it is read: every key must be
/// a property (case-insensitive), every value of the property's type (enums by one of their names).
/// Errors name the key path, the value and what is allowed.
/// </summary>
internal static class ConfigSchema
{
    public static void Check(JsonObject json, Type type, string path)
    {
        var info = ExperimentConfigJson.Options.GetTypeInfo(type);
        foreach (var (key, value) in json)
        {
            string keyPath = Join(path, key);
            var property = info.Properties.FirstOrDefault(p => p.Name.Equals(key, StringComparison.OrdinalIgnoreCase))
                ?? throw new ExperimentConfigException(keyPath, "this key", $"unknown; the keys here are: {string.Join(", ", info.Properties.Select(p => p.Name))}");
            CheckValue(value, property.PropertyType, property.IsSetNullable, keyPath);
        }
    }

    internal static void CheckValue(JsonNode? value, Type type, bool nullable, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (value is null)
        {
            if (nullable || underlying is not null) return;
            throw new ExperimentConfigException(path, "null", $"expected {Describe(type)}");
        }
        type = underlying ?? type;
        string shown = ExperimentConfigJson.Show(value);
        if (type.IsEnum)
        {
            // A flags enum (model.modalities) takes several names separated by commas, e.g. "Audio, Text".
            bool flags = type.IsDefined(typeof(FlagsAttribute), false);
            if (value is JsonValue e && e.TryGetValue(out string? name)
                && (flags ? name.Split(',') : [name]).All(part => Enum.GetNames(type).Any(n => n.Equals(part.Trim(), StringComparison.OrdinalIgnoreCase)))) return;
            throw new ExperimentConfigException(path, shown, flags ? $"expected names of {string.Join(", ", Enum.GetNames(type))}, separated by commas" : $"expected one of: {string.Join(", ", Enum.GetNames(type))}");
        }
        if (type == typeof(string))
        {
            if (value.GetValueKind() == JsonValueKind.String) return;
            throw new ExperimentConfigException(path, shown, "expected a string");
        }
        if (type == typeof(bool))
        {
            if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return;
            throw new ExperimentConfigException(path, shown, "expected true or false");
        }
        if (type == typeof(int) || type == typeof(long))
        {
            if (value is JsonValue n && n.GetValueKind() == JsonValueKind.Number && long.TryParse(n.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long l) && (type == typeof(long) || l is >= int.MinValue and <= int.MaxValue)) return;
            throw new ExperimentConfigException(path, shown, "expected a whole number");
        }
        if (type == typeof(TimeSpan))
        {
            if (value is JsonValue d && d.TryGetValue(out string? duration) && TimeSpan.TryParse(duration, System.Globalization.CultureInfo.InvariantCulture, out _)) return;
            throw new ExperimentConfigException(path, shown, "expected a duration such as \"00:01:00\"");
        }
        if (type == typeof(double) || type == typeof(float))
        {
            if (value.GetValueKind() == JsonValueKind.Number) return;
            throw new ExperimentConfigException(path, shown, "expected a number");
        }
        var element = type.IsArray ? type.GetElementType() : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
        if (element is not null)
        {
            if (value is not JsonArray array) throw new ExperimentConfigException(path, shown, $"expected an array of {Describe(element)}");
            for (int i = 0; i < array.Count; i++) CheckValue(array[i], element, false, $"{path}[{i}]");
            return;
        }
        if (value is not JsonObject obj) throw new ExperimentConfigException(path, shown, "expected an object");
        if (type.IsAbstract)
        {
            // A composition part (encoder, fusion, head): its "$type" names the class whose keys apply.
            string typeKey = CompositionPartTypes.TypeProperty;
            string? name = obj[typeKey] is JsonValue t && t.TryGetValue(out string? n) ? n : null;
            var concrete = name is null ? null : CompositionPartTypes.Resolve(type, name);
            if (concrete is null)
                throw new ExperimentConfigException($"{path}.{typeKey}", name is null ? "nothing" : $"\"{name}\"",
                    $"expected the name of a {type.Name}: {string.Join(", ", CompositionPartTypes.Known(type).Select(k => k.Name))}");
            var rest = obj.DeepClone().AsObject();
            rest.Remove(typeKey);
            Check(rest, concrete, path);
            return;
        }
        Check(obj, type, path);
    }

    private static string Describe(Type type) =>
        type.IsEnum ? $"one of: {string.Join(", ", Enum.GetNames(type))}"
        : type == typeof(string) ? "a string"
        : type == typeof(bool) ? "true or false"
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) || type == typeof(float) ? "a number"
        : "an object";

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
