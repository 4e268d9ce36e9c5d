using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>Resolves and decodes the audio file of one row, with errors that name the row and path.</summary>
internal static class AudioFiles
{
    public static float[]? LoadSamples(FeaturizerInput input, string column, string? baseFolder, SpectrogramComputer computer)
    {
        if (string.IsNullOrWhiteSpace(input.Value)) return null;
        string path = FilePaths.Resolve(input.Value, baseFolder);
        try
        {
            return computer.Prepare(WavReader.Read(path));
        }
        catch (FileNotFoundException)
        {
            throw new MsaInputException(column, input.Row, path, "audio file not found");
        }
        catch (InvalidDataException ex)
        {
            throw new MsaInputException(column, input.Row, path, $"cannot read WAV: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new MsaInputException(column, input.Row, path, $"cannot read file: {ex.Message}", ex);
        }
    }
}
