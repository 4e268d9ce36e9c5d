using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace MsaMl.Pipelines.Datasets;

/// <summary>Decodes a table file: a named encoding, or UTF-8/UTF-16 by byte-order mark, else strict UTF-8.</summary>
internal static class TableText
{
    public static string Read(string path, string? encodingName)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (encodingName is not null) return StripBom(EncodingOf(encodingName).GetString(bytes));

        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(span[2..]);
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(span[2..]);

        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out int bytesRead, out int charsWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return new string(chars, 0, charsWritten);
        int line = 1 + span[..bytesRead].Count((byte)'\n');
        throw new DatasetFormatException(path, line,
            $"not valid UTF-8 (byte 0x{span[bytesRead]:X2}); name the file's encoding (TableReaderOptions.Encoding, msa train --encoding), e.g. windows-1252 or latin1");
    }

    private static Encoding EncodingOf(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"unknown text encoding '{name}'; expected a name such as utf-8, utf-16, windows-1252, latin1, shift_jis");
        }
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
}
