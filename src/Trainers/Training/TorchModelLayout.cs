using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// How a saved weights.bin names its tensors. Layout 1 (stage format 1) came from the hand-written
/// networks (AatNet, OteNet, the fusion heads, a ModalitySelector around unimodal ones); layout 2
/// from composed networks (encoders.i, fusion, head). The compositions create their modules in the
/// order the old networks did, so a layout-1 state dict holds the same tensors in the same order
/// and loads by position, each tensor checked against the shape it lands in.
/// </summary>
internal static class TorchModelLayout
{
    public const int HandWritten = 1;
    public const int Current = 2;

    public static void LoadWeights(nn.Module network, BinaryReader reader, int layout, string kind)
    {
        if (layout == Current)
        {
            network.load(reader);
            return;
        }
        if (layout != HandWritten)
            throw new InvalidDataException($"Model '{kind}': network layout {layout}; this MsaMl reads layouts {HandWritten} to {Current}.");
        var targets = network.state_dict().ToArray();
        long count = DecodeLength(reader);
        if (count != targets.Length)
            throw new InvalidDataException($"Model '{kind}': the saved weights hold {count} tensors, the network {targets.Length}; the bundle does not match its options.");
        using var noGrad = no_grad();
        foreach (var (name, tensor) in targets)
        {
            string saved = reader.ReadString();
            try
            {
                tensor.Load(reader);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"Model '{kind}': saved tensor '{saved}' does not fit '{name}' ({e.Message}).", e);
            }
        }
    }

    // TorchSharp writes the entry count as an unsigned LEB128 number.
    private static long DecodeLength(BinaryReader reader)
    {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("The saved weights start with a malformed entry count.");
    }
}
