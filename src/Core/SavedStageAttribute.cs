namespace MsaMl.Transforms.Core;

/// <summary>
/// Declares, on the assembly that defines a saved stage, how a model bundle re-creates it (in the
/// way ML.NET's <c>LoadableClass</c> declares its components): by an <see cref="ISavedStageLoader"/>,
/// or, for a stage re-created from its options alone, by its kind, options type and transformer
/// type (whose constructor takes the options). <see cref="TransformFactory"/> reads these
/// attributes from every loaded assembly; no registration call is needed.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class SavedStageAttribute : Attribute
{
    /// <summary>A stage re-created by <paramref name="loader"/>, a type implementing <see cref="ISavedStageLoader"/> with a parameterless constructor (public or not).</summary>
    public SavedStageAttribute(Type loader) => Loader = loader;

    /// <summary>A stage of <paramref name="kind"/> re-created as <c>new transformer(options)</c> from its saved <paramref name="options"/>.</summary>
    public SavedStageAttribute(string kind, Type options, Type transformer)
    {
        Kind = kind;
        Options = options;
        Transformer = transformer;
    }

    /// <summary>The loader type, or null for a stage declared by kind, options and transformer.</summary>
    public Type? Loader { get; }

    /// <summary>The stage kind (the transformer's <see cref="IMsaTransformer.Kind"/>), when declared without a loader.</summary>
    public string? Kind { get; }

    /// <summary>The options type the stage is saved as, when declared without a loader.</summary>
    public Type? Options { get; }

    /// <summary>The transformer type, whose constructor takes <see cref="Options"/>, when declared without a loader.</summary>
    public Type? Transformer { get; }

    /// <summary>The newest format version of the stage's options, when declared without a loader (default 1).</summary>
    public int FormatVersion { get; set; } = 1;
}
