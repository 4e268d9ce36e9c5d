using System.Reflection;
using Microsoft.ML;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Writes ML.NET binary .idv files in small blocks. <c>mlContext.Data.SaveAsBinary</c> writes
/// blocks of about 80 MB, and ML.NET's binary loader keeps every block buffer it has decoded in
/// pools that live as long as the loaded view (several blocks per column in flight). For feature
/// rows of 100 KB to 1.5 MB that held about 1 GB for the life of a training run, more than the
/// features themselves. The file format is the same; only the blocks are smaller, so any .idv
/// reader (including <c>LoadFromBinary</c>) reads the result.
/// </summary>
public static class FeatureFile
{
    /// <summary>The target size of one block across all columns.</summary>
    public const long BlockBytes = 4L << 20;

    private static readonly Lazy<Action<MLContext, IDataView, Stream>?> SmallBlockSave = new(FindSaver);

    /// <summary>Whether the small-block writer is available (ML.NET's saver options are not public; see <see cref="Save"/>).</summary>
    public static bool WritesSmallBlocks => SmallBlockSave.Value != null;

    /// <summary>
    /// Saves the visible columns of <paramref name="data"/> to <paramref name="stream"/> in blocks of
    /// about <see cref="BlockBytes"/>. ML.NET exposes no block size, so its saver is configured
    /// through reflection; should a later ML.NET rename it, the public <c>SaveAsBinary</c> writes
    /// the same file with its default blocks (a test pins <see cref="WritesSmallBlocks"/>).
    /// </summary>
    /// <exception cref="MsaInputException">A featurizer refused a row (unwrapped from ML.NET's cursoring error).</exception>
    public static void Save(MLContext context, IDataView data, Stream stream)
    {
        try
        {
            if (SmallBlockSave.Value is { } save) save(context, data, stream);
            else context.Data.SaveAsBinary(data, stream, keepHidden: false);
        }
        catch (Exception ex) when (ex is not MsaInputException && MsaInputException.Find(ex) is { } input)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(input).Throw();
        }
    }

    /// <summary>ML.NET's internal BinarySaver with MaxBytesPerBlock = <see cref="BlockBytes"/>, or null when it is not found.</summary>
    private static Action<MLContext, IDataView, Stream>? FindSaver()
    {
        var type = typeof(MLContext).Assembly.GetType("Microsoft.ML.Data.IO.BinarySaver");
        var argumentsType = type?.GetNestedType("Arguments");
        var blockField = argumentsType?.GetField("MaxBytesPerBlock");
        var silentField = argumentsType?.GetField("Silent");
        var saveData = type?.GetMethod("SaveData", new[] { typeof(Stream), typeof(IDataView), typeof(int[]) });
        var constructor = type?.GetConstructors().FirstOrDefault(c => c.GetParameters() is { Length: 2 } p && p[1].ParameterType == argumentsType
            && p[0].ParameterType.IsAssignableFrom(typeof(MLContext)));
        if (argumentsType == null || blockField?.FieldType != typeof(long?) || saveData == null || constructor == null) return null;
        return (context, data, stream) =>
        {
            var arguments = Activator.CreateInstance(argumentsType)!;
            blockField.SetValue(arguments, (long?)BlockBytes);
            silentField?.SetValue(arguments, true);
            var saver = constructor.Invoke(new object[] { context, arguments });
            int[] visible = Enumerable.Range(0, data.Schema.Count).Where(i => !data.Schema[i].IsHidden).ToArray();
            try
            {
                saveData.Invoke(saver, new object[] { stream, data, visible });
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        };
    }
}
