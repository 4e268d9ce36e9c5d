using MsaMl.Datasets;
using MsaMl.Transforms.Core;

namespace MsaMl.Experiments;

/// <summary>
/// Says which record a featurizer's complaint is about in the user's terms. A featurizer knows only
/// the row of the view it read (a split counts from 0); a table row is named by its file and line
/// instead, any other record by its id and split.
/// </summary>
public static class RecordInputErrors
{
    /// <summary>
    /// <paramref name="error"/> located among <paramref name="rows"/> (the records the featurized
    /// view was made of, in order): a <see cref="DatasetFormatException"/> naming the table and line,
    /// or an <see cref="InvalidDataException"/> naming the record's id; the error itself when its
    /// row is not among them.
    /// </summary>
    public static Exception Locate(MsaInputException error, IReadOnlyList<MultimodalRecord> rows, string? split = null)
    {
        if (error.Row < 0 || error.Row >= rows.Count) return error;
        var record = rows[(int)error.Row];
        string problem = $"{error.Problem} ({What(error.Column)} '{error.Value}')";
        if (record is TableRecord { Line: > 0, File.Length: > 0 } row)
            return new DatasetFormatException(row.File, row.Line, problem, error);
        string where = split is null ? $"record '{record.Id}'" : $"record '{record.Id}' ({split} split)";
        return new InvalidDataException($"{char.ToUpperInvariant(where[0])}{where[1..]}: {problem}", error);
    }

    /// <summary>Runs <paramref name="featurize"/>, turning an input error of one of <paramref name="rows"/> into <see cref="Locate"/>'s.</summary>
    public static T Located<T>(Func<T> featurize, IReadOnlyList<MultimodalRecord> rows, string? split = null)
    {
        try
        {
            return featurize();
        }
        catch (Exception ex) when (MsaInputException.Find(ex) is { } input && Locate(input, rows, split) is var located && located != input)
        {
            throw located;
        }
    }

    private static string What(string column) => column switch
    {
        nameof(MultimodalInput.AudioPath) => "audio file",
        nameof(MultimodalInput.ImagePath) => "image file",
        nameof(MultimodalInput.VideoPath) => "video file",
        _ => $"column {column}",
    };
}
