using System.Text;

namespace MsaMl.Transforms.Normalization;

/// <summary>
/// The statistics of all training rows and of each group, and their binary form in a model bundle:
/// "MSGS", version, statistic count, then the global moments and each group's (UTF-8 name, rows,
/// means, reciprocal deviations), little-endian.
/// </summary>
public sealed class GroupStatisticsTable
{
    private const string Magic = "MSGS";
    private const int Version = 1;

    public GroupStatisticsTable(StandardizationMoments global, IReadOnlyDictionary<string, StandardizationMoments> groups)
    {
        Global = global;
        Groups = groups;
    }

    /// <summary>The statistics of every training row, for groups without statistics of their own.</summary>
    public StandardizationMoments Global { get; }

    /// <summary>Each group's statistics, by group name.</summary>
    public IReadOnlyDictionary<string, StandardizationMoments> Groups { get; }

    /// <summary>How many statistics each moment set holds.</summary>
    public int Statistics => Global.Mean.Length;

    /// <summary>This table with <paramref name="added"/> groups added or replaced.</summary>
    public GroupStatisticsTable With(IReadOnlyDictionary<string, StandardizationMoments> added)
    {
        var groups = new Dictionary<string, StandardizationMoments>(Groups, StringComparer.Ordinal);
        foreach (var (name, moments) in added) groups[name] = moments;
        return new GroupStatisticsTable(Global, groups);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(Version);
            writer.Write(Statistics);
            writer.Write(Groups.Count);
            Write(writer, Global);
            foreach (var (name, moments) in Groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                Write(writer, moments);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Reads a table written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a table (named by <paramref name="source"/>).</exception>
    public static GroupStatisticsTable FromBytes(byte[] bytes, string source)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != Magic) throw new InvalidDataException("it does not start with the group-statistics tag");
            int version = reader.ReadInt32();
            if (version != Version) throw new InvalidDataException($"format {version}, this MsaMl reads format {Version}");
            int statistics = reader.ReadInt32(), groups = reader.ReadInt32();
            long remaining = bytes.Length - reader.BaseStream.Position;
            if (statistics < 1 || groups < 0 || (long)statistics * 8 * (groups + 1L) > remaining)
                throw new InvalidDataException($"{statistics} statistics for {groups} groups do not fit its {bytes.Length} bytes");
            var global = Read(reader, statistics);
            var table = new Dictionary<string, StandardizationMoments>(groups, StringComparer.Ordinal);
            for (int g = 0; g < groups; g++)
            {
                string name = reader.ReadString();
                if (!table.TryAdd(name, Read(reader, statistics))) throw new InvalidDataException($"group '{name}' appears twice");
            }
            if (reader.BaseStream.Position != bytes.Length) throw new InvalidDataException("it has bytes after the last group");
            return new GroupStatisticsTable(global, table);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or ArgumentOutOfRangeException or DecoderFallbackException)
        {
            throw new InvalidDataException($"{source}: the group statistics are damaged: {ex.Message}.", ex);
        }
    }

    private static void Write(BinaryWriter writer, StandardizationMoments moments)
    {
        writer.Write(moments.Rows);
        foreach (float v in moments.Mean) writer.Write(v);
        foreach (float v in moments.InverseDeviation) writer.Write(v);
    }

    private static StandardizationMoments Read(BinaryReader reader, int statistics)
    {
        int rows = reader.ReadInt32();
        var mean = new float[statistics];
        var inverse = new float[statistics];
        for (int s = 0; s < statistics; s++) mean[s] = reader.ReadSingle();
        for (int s = 0; s < statistics; s++) inverse[s] = reader.ReadSingle();
        if (rows < 1 || !mean.All(float.IsFinite) || !inverse.All(v => float.IsFinite(v) && v > 0))
            throw new InvalidDataException("a moment set holds no rows or a value that is not finite");
        return new StandardizationMoments(mean, inverse, rows);
    }
}
