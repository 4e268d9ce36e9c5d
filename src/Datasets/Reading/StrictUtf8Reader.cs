using System.Buffers;
using System.Text.Unicode;

namespace MsaMl.Datasets;

/// <summary>
/// Decodes a stream as strict UTF-8 a block at a time, and on an invalid byte throws
/// <see cref="DatasetFormatException"/> naming the file and the line the byte is on (a <c>StreamReader</c> would
/// replace it, or throw without saying where).
/// </summary>
internal sealed class StrictUtf8Reader(Stream stream, string path) : TextReader
{
    private readonly byte[] _bytes = new byte[1 << 16];
    private readonly char[] _chars = new char[1 << 16];
    private int _byteCount;         // undecoded bytes at the start of _bytes (an incomplete sequence)
    private int _charPosition, _charCount;
    private int _linesBefore;       // line breaks in the bytes decoded so far
    private bool _end;

    public override int Peek() => Fill() ? _chars[_charPosition] : -1;

    public override int Read() => Fill() ? _chars[_charPosition++] : -1;

    private bool Fill()
    {
        while (_charPosition == _charCount)
        {
            if (_end) return false;
            int read = stream.Read(_bytes, _byteCount, _bytes.Length - _byteCount);
            _end = read == 0;
            int available = _byteCount + read;
            var status = Utf8.ToUtf16(_bytes.AsSpan(0, available), _chars, out int consumed, out int written,
                replaceInvalidSequences: false, isFinalBlock: _end);
            if (status == OperationStatus.InvalidData)
            {
                int line = 1 + _linesBefore + _bytes.AsSpan(0, consumed).Count((byte)'\n');
                throw new DatasetFormatException(path, line,
                    $"not valid UTF-8 (byte 0x{_bytes[consumed]:X2}); name the file's encoding (TableReaderOptions.Encoding, msa train --encoding), e.g. windows-1252 or latin1");
            }
            _linesBefore += _bytes.AsSpan(0, consumed).Count((byte)'\n');
            _bytes.AsSpan(consumed, available - consumed).CopyTo(_bytes);
            _byteCount = available - consumed;
            _charPosition = 0;
            _charCount = written;
        }
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) stream.Dispose();
        base.Dispose(disposing);
    }
}
