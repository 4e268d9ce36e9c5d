using Microsoft.Win32.SafeHandles;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Reads input files whose size is known when they are opened, and never more than that size: a device such as
/// <c>/dev/zero</c> reports 0 bytes and then yields bytes without end, so it is refused as soon as it yields
/// more than it declared, instead of being read until memory runs out. Failures are
/// <see cref="InvalidDataException"/>s whose message starts with the path.
/// </summary>
internal static class SizedFile
{
    /// <summary>
    /// Reads the whole of <paramref name="path"/> into <paramref name="buffer"/> (grown when too small) and returns its length.
    /// </summary>
    /// <param name="maxBytes">The most bytes the file may hold; <paramref name="limit"/> names the option that sets it.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is larger than <paramref name="maxBytes"/>, or not a regular file.</exception>
    public static int ReadAll(string path, long maxBytes, string limit, ref byte[] buffer)
    {
        using SafeFileHandle handle = Open(path);
        long size = RandomAccess.GetLength(handle);
        long cap = Math.Min(maxBytes, Array.MaxLength);
        if (size > cap) throw TooLarge(path, size, cap, limit);
        if (buffer.Length < size) buffer = new byte[Math.Min(Math.Max(size, buffer.Length * 2L), cap)];
        long read = 0;
        while (read < size)
        {
            int n = RandomAccess.Read(handle, buffer.AsSpan((int)read, (int)(size - read)), read);
            if (n == 0) break;
            read += n;
        }
        // A regular file ends where its size says; one more byte means a device or a file growing while it is read.
        Span<byte> probe = stackalloc byte[1];
        if (RandomAccess.Read(handle, probe, read) > 0) throw NotRegular(path, size);
        return (int)read;
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading as a stream that throws when the file yields more bytes than its size
    /// when opened (a device), or more than <paramref name="maxBytes"/>.
    /// </summary>
    public static Stream OpenRead(string path, long maxBytes, string limit)
    {
        var handle = Open(path);
        try
        {
            long size = RandomAccess.GetLength(handle);
            if (size > maxBytes) throw TooLarge(path, size, maxBytes, limit);
            return new Bounded(new FileStream(handle, FileAccess.Read, 1 << 16), path, size);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static SafeFileHandle Open(string path)
    {
        if (Directory.Exists(path)) throw new InvalidDataException($"{path}: is a folder; expected a file");
        if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
        return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
    }

    private static InvalidDataException TooLarge(string path, long size, long cap, string limit) =>
        new($"{path}: {size} bytes, more than the {cap} allowed ({limit})");

    private static InvalidDataException NotRegular(string path, long size) =>
        new($"{path}: yields more bytes than its size ({size} bytes); expected a regular file, not a device or a file still being written");

    /// <summary>A read-only stream over a file that stops with an error past the size the file had when opened.</summary>
    private sealed class Bounded(FileStream inner, string path, long size) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => size;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            _position += n;
            if (_position > size) throw NotRegular(path, size);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
