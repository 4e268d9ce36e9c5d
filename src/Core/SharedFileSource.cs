using Microsoft.ML.Data;
using Microsoft.Win32.SafeHandles;

namespace MsaMl.Transforms.Core;

/// <summary>
/// One file opened once (shared for reading and deleting) and handed to ML.NET loaders as many
/// independent streams over that one handle. A loader per pass then reads the file the source
/// opened even after the path was deleted or replaced: a temp cleaner or a user removing a
/// cache folder under a running job does not fail the job. Positional reads need no seek lock,
/// so the streams can be read from several threads.
/// </summary>
internal sealed class SharedFileSource : IMultiStreamSource, IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly string _path;
    private readonly long _length;

    public SharedFileSource(string path)
    {
        _path = path;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        _length = RandomAccess.GetLength(_handle);
    }

    public int Count => 1;

    public string? GetPathOrNull(int index) => index == 0 ? _path : throw new ArgumentOutOfRangeException(nameof(index));

    public Stream Open(int index)
    {
        if (index != 0) throw new ArgumentOutOfRangeException(nameof(index));
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        return new HandleStream(_handle, _length);
    }

    public TextReader OpenTextReader(int index) => new StreamReader(Open(index));

    public void Dispose() => _handle.Dispose();

    /// <summary>A read-only, seekable view of the handle with its own position; disposing it leaves the handle open.</summary>
    private sealed class HandleStream(SafeFileHandle handle, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= length || buffer.IsEmpty) return 0;
            int n = RandomAccess.Read(handle, buffer, _position);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
