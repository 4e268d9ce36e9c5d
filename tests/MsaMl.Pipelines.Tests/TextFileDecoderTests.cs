using System.Text;
using MsaMl.Datasets;

namespace MsaMl.Pipelines.Tests;

public class TextFileDecoderTests
{
    [Fact]
    public void Utf8IsReadAsUtf8()
    {
        Assert.Equal("na\u00efve \U0001F600", TextFileDecoder.Decode(Encoding.UTF8.GetBytes("na\u00efve \U0001F600")));
    }

    [Fact]
    public void InvalidUtf8FallsBackToWindows1252()
    {
        byte[] bytes = [0x80, 0x20, 0x93, 0x68, 0x69, 0x94, 0x20, 0xE9, 0x20, 0x81];
        Assert.Equal("\u20AC \u201Chi\u201D \u00E9 \u0081", TextFileDecoder.Decode(bytes));
    }

    [Fact]
    public void ByteOrderMarksDecide()
    {
        Assert.Equal("caf\u00e9", TextFileDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("caf\u00e9")]));
        Assert.Equal("caf\u00e9", TextFileDecoder.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("caf\u00e9")]));
    }
}
