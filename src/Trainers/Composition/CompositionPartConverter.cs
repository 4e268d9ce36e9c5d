using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MsaMl.Trainers.Composition;

/// <summary>
/// Saves an encoder, fusion or head options object with its type's full name ("$type") and reads
/// it back, resolving the name among the loaded assemblies' subclasses of <typeparamref name="TBase"/>
/// only (so a saved model cannot name any other type); see <see cref="CompositionPartTypes"/>.
/// </summary>
internal sealed class CompositionPartConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    private const string TypeProperty = CompositionPartTypes.TypeProperty;

    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader) as JsonObject
            ?? throw new JsonException($"A {typeof(TBase).Name} must be a JSON object with a \"{TypeProperty}\" property.");
        string name = node[TypeProperty]?.GetValue<string>()
            ?? throw new JsonException($"A {typeof(TBase).Name} needs a \"{TypeProperty}\" property naming its class.");
        var type = CompositionPartTypes.Resolve(typeof(TBase), name)
            ?? throw new JsonException($"Unknown {typeof(TBase).Name} type '{name}': no loaded non-abstract subclass of {typeof(TBase).FullName} has that name.");
        node.Remove(TypeProperty);
        return (TBase?)node.Deserialize(type, options);
    }

    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), options)!.AsObject();
        writer.WriteStartObject();
        writer.WriteString(TypeProperty, value.GetType().FullName);
        foreach (var (key, child) in node)
        {
            writer.WritePropertyName(key);
            if (child is null) writer.WriteNullValue();
            else child.WriteTo(writer, options);
        }
        writer.WriteEndObject();
    }
}
