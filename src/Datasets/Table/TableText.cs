using System.Text;
using MsaMl.Transforms.Core;

namespace MsaMl.Datasets;

/// <summary>
/// Opens a table file as text read a block at a time: a named encoding, or UTF-8/UTF-16 by byte-order mark, else
/// strict UTF-8. A device such as /dev/zero is refused as soon as it yields more than its size (0 bytes).
/// </summary>
internal static class TableText
{
    public static TextReader Open(string path, string? encodingName)
    {
        var encoding = encodingName is null ? null : EncodingOf(encodingName);
        Span<byte> head = stackalloc byte[3];
        int headLength;
        using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            headLength = RandomAccess.Read(handle, head, 0);
        head = head[..headLength];

        var stream = SizedFile.OpenRead(path, long.MaxValue, "the table's size");
        try
        {
            if (encoding is not null) return SkipBom(new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false));
            if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Skipped(new StrictUtf8Reader(stream, path), 1);
            if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return SkipBom(new StreamReader(stream, Encoding.Unicode, false));
            if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return SkipBom(new StreamReader(stream, Encoding.BigEndianUnicode, false));
            return new StrictUtf8Reader(stream, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static TextReader SkipBom(TextReader reader) => reader.Peek() == '\uFEFF' ? Skipped(reader, 1) : reader;

    private static TextReader Skipped(TextReader reader, int chars)
    {
        for (int i = 0; i < chars; i++) reader.Read();
        return reader;
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
}
