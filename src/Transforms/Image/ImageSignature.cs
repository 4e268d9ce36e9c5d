namespace MsaMl.Transforms.Image;

/// <summary>Names image formats SkiaSharp cannot decode from their first bytes, for error messages.</summary>
internal static class ImageSignature
{
    /// <summary>"TIFF", "Photoshop (PSD)", … when the bytes start like one; null otherwise.</summary>
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8)) return "TIFF";
        if (bytes.StartsWith("8BPS"u8)) return "Photoshop (PSD)";
        if (bytes.StartsWith("%PDF"u8)) return "PDF";
        if (bytes.StartsWith("<svg"u8) || bytes.StartsWith("<?xml"u8)) return "SVG";
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = bytes[8..12];
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8)) return "HEIF";
            if (brand.SequenceEqual("avif"u8)) return "AVIF";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51]))
            return "JPEG 2000";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20]))
            return "JPEG XL";
        return null;
    }
}
