using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;

namespace MsaMl.Transforms.Core;

/// <summary>The loader of a stage declared by kind, options type and transformer type: deserializes the options and calls the transformer's constructor.</summary>
internal sealed class ConstructorStageLoader : ISavedStageLoader
{
    private readonly Type _options;
    private readonly ConstructorInfo _constructor;

    public ConstructorStageLoader(SavedStageAttribute declared)
    {
        Kind = declared.Kind!;
        FormatVersion = declared.FormatVersion;
        _options = declared.Options!;
        _constructor = declared.Transformer!.GetConstructor([_options])
            ?? throw new InvalidOperationException($"Saved stage '{Kind}': {declared.Transformer} has no public constructor taking {_options}.");
        if (!typeof(ITransformer).IsAssignableFrom(declared.Transformer))
            throw new InvalidOperationException($"Saved stage '{Kind}': {declared.Transformer} is not an ITransformer.");
    }

    public string Kind { get; }
    public int FormatVersion { get; }

    public ITransformer Load(JsonNode options, IReadOnlyDictionary<string, byte[]> artifacts)
    {
        object value = options.Deserialize(_options, TransformFactory.Json)
            ?? throw new InvalidDataException($"Options of transform '{Kind}' are empty.");
        try
        {
            return (ITransformer)_constructor.Invoke([value]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
