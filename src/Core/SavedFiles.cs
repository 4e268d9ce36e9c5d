namespace MsaMl.Transforms.Core;

/// <summary>Builds the <see cref="IMsaTransformer.SaveFiles"/> map of a stage from its path options, leaving out those not set.</summary>
internal static class SavedFiles
{
    public static IReadOnlyDictionary<string, string> Of(params (string Option, string? Path)[] options) =>
        options.Where(o => !string.IsNullOrEmpty(o.Path)).ToDictionary(o => o.Option, o => o.Path!);
}
