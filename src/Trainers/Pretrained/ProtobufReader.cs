namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// Reads one protobuf message's fields in order (the wire format only: varint keys, varints,
/// fixed 32/64-bit values and length-delimited bytes). Every read is bounds-checked; an error
/// names the source and the absolute byte offset.
/// </summary>
internal struct ProtobufReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly long _baseOffset;
    private int _position;

    public ProtobufReader(ReadOnlyMemory<byte> data, string source, long baseOffset = 0)
    {
        _data = data;
        Source = source;
        _baseOffset = baseOffset;
        _position = 0;
    }

    /// <summary>The file (or other source) named in errors.</summary>
    public string Source { get; }

    /// <summary>The absolute offset of the next byte.</summary>
    public long Offset => _baseOffset + _position;

    /// <summary>Reads the next field key; false at the end of the message.</summary>
    public bool NextField(out int field, out WireType wireType)
    {
        if (_position >= _data.Length)
        {
            field = 0;
            wireType = default;
            return false;
        }
        ulong key = ReadVarint();
        field = (int)Math.Min(key >> 3, int.MaxValue);
        int type = (int)(key & 7);
        if (field == 0 || type is not (0 or 1 or 2 or 5))
            throw Error($"a field key, found field {key >> 3} with wire type {type}");
        wireType = (WireType)type;
        return true;
    }

    public ulong ReadVarint()
    {
        var span = _data.Span;
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_position >= span.Length) throw Error("a varint, found the end of the data");
            byte b = span[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw Error("a varint of at most 10 bytes");
    }

    public long ReadInt64() => unchecked((long)ReadVarint());

    public int ReadInt32() => unchecked((int)ReadVarint());

    public uint ReadFixed32() => BitConverter.ToUInt32(Take(4, "a 4-byte value"));

    public float ReadFloat() => BitConverter.Int32BitsToSingle(unchecked((int)ReadFixed32()));

    /// <summary>A length-delimited field's bytes (not copied); <paramref name="what"/> names the field in errors.</summary>
    public ReadOnlyMemory<byte> ReadBytes(string what = "a length-delimited field")
    {
        ulong length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
            throw Error($"{length} bytes of {what}, found {_data.Length - _position} (a truncated file?)");
        var bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        return bytes;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes().Span);

    /// <summary>A reader over an embedded message (a length-delimited field), keeping absolute offsets.</summary>
    public ProtobufReader ReadMessage(string what = "an embedded message")
    {
        var bytes = ReadBytes(what);
        return new ProtobufReader(bytes, Source, Offset - bytes.Length);
    }

    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint: ReadVarint(); break;
            case WireType.Fixed64: Take(8, "an 8-byte value"); break;
            case WireType.Fixed32: Take(4, "a 4-byte value"); break;
            default: ReadBytes(); break;
        }
    }

    /// <summary>Appends a repeated varint field's values, packed (one length-delimited run) or not.</summary>
    public void ReadRepeatedInt64(WireType wireType, List<long> values)
    {
        if (wireType == WireType.Varint)
        {
            values.Add(ReadInt64());
            return;
        }
        var packed = ReadMessage();
        while (packed._position < packed._data.Length) values.Add(packed.ReadInt64());
    }

    /// <summary>Appends a repeated float field's values, packed or not.</summary>
    public void ReadRepeatedFloat(WireType wireType, List<float> values)
    {
        if (wireType == WireType.Fixed32)
        {
            values.Add(ReadFloat());
            return;
        }
        var bytes = ReadBytes();
        if (bytes.Length % 4 != 0) throw Error($"a packed float run of a multiple of 4 bytes, found {bytes.Length}");
        values.AddRange(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.Span));
    }

    public InvalidDataException Error(string expected) =>
        new($"{Source}: at byte {Offset}, expected {expected}.");

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (_data.Length - _position < count) throw Error($"{what}, found the end of the data");
        var span = _data.Span.Slice(_position, count);
        _position += count;
        return span;
    }
}
