// One source, two uses: the MSBuild task below patches build and publish outputs (compiled by
// RoslynCodeTaskFactory from build/LibTorchSharpGlibcxx.targets, in this repository and in the
// MsaMl.Trainers package's buildTransitive folder); MsaMl.Trainers compiles the same file with
// MSAML_RUNTIME defined and patches at run time what no build step reached (ProjectReference
// consumers, copies made by other tools). See build/README.md.
#nullable enable
using System;
using System.IO;
using System.Text;

/// <summary>
/// Marks one required symbol version (a Vernaux entry of <c>.gnu.version_r</c>) weak
/// (VER_FLG_WEAK) in a 64-bit little-endian ELF file, so that the dynamic loader only warns when
/// the system library lacks that version.
/// </summary>
internal static class ElfWeakVersionPatch
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
    };

    /// <summary>The system libstdc++, or null when none of the usual paths holds one.</summary>
    public static string? SystemLibStdCxx() => Array.Find(LibStdCxxCandidates, File.Exists);

    /// <summary>Whether the ELF file at <paramref name="library"/> defines <paramref name="versionName"/>.</summary>
    public static bool Provides(string library, string versionName) =>
        ContainsBytes(File.ReadAllBytes(library), Encoding.ASCII.GetBytes(versionName + "\0"));

    /// <summary>
    /// Patches <paramref name="path"/> in place through a temporary file and a rename; returns
    /// false when the requirement was already weak or absent. Throws InvalidDataException for a
    /// file that is not a 64-bit little-endian ELF.
    /// </summary>
    public static bool PatchFile(string path, string versionName)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (MarkWeak(elf, versionName) == 0) return false;
        string temp = path + ".msaml-" + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temp, elf);
            File.Replace(temp, path, null);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return true;
    }

    /// <summary>Whether <paramref name="path"/> holds a non-weak requirement of <paramref name="versionName"/>.</summary>
    public static bool NeedsPatch(string path, string versionName) => MarkWeak(File.ReadAllBytes(path), versionName) > 0;

    /// <summary>Returns how many Vernaux flags were changed in <paramref name="elf"/> (0 when already weak or absent).</summary>
    public static int MarkWeak(byte[] elf, string versionName)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("expected a 64-bit little-endian ELF file");

        ulong shoff = BitConverter.ToUInt64(elf, 0x28);
        ushort shentsize = BitConverter.ToUInt16(elf, 0x3A);
        ushort shnum = BitConverter.ToUInt16(elf, 0x3C);
        int changed = 0;

        for (int i = 0; i < shnum; i++)
        {
            long sh = checked((long)shoff + (long)i * shentsize);
            if (BitConverter.ToUInt32(elf, (int)sh + 4) != ShtGnuVerneed) continue;

            long offset = (long)BitConverter.ToUInt64(elf, (int)sh + 0x18);
            uint link = BitConverter.ToUInt32(elf, (int)sh + 0x28);
            uint count = BitConverter.ToUInt32(elf, (int)sh + 0x2C);
            long strSh = checked((long)shoff + (long)link * shentsize);
            long strOffset = (long)BitConverter.ToUInt64(elf, (int)strSh + 0x18);

            long verneed = offset;
            for (uint n = 0; n < count; n++)
            {
                ushort auxCount = BitConverter.ToUInt16(elf, (int)verneed + 2);
                long aux = verneed + BitConverter.ToUInt32(elf, (int)verneed + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    uint nameOffset = BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadCString(elf, strOffset + nameOffset) == versionName)
                    {
                        ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                        if ((flags & VerFlgWeak) == 0)
                        {
                            ushort weak = (ushort)(flags | VerFlgWeak);
                            elf[aux + 4] = (byte)(weak & 0xff);
                            elf[aux + 5] = (byte)(weak >> 8);
                            changed++;
                        }
                    }
                    uint nextAux = BitConverter.ToUInt32(elf, (int)aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = BitConverter.ToUInt32(elf, (int)verneed + 12);
                if (next == 0) break;
                verneed += next;
            }
        }
        return changed;
    }

    private static string ReadCString(byte[] data, long offset)
    {
        int end = (int)offset;
        while (end < data.Length && data[end] != 0) end++;
        return Encoding.ASCII.GetString(data, (int)offset, end - (int)offset);
    }

    private static bool ContainsBytes(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }
}

#if !MSAML_RUNTIME
/// <summary>
/// MSBuild task: patches every file named <see cref="FileName"/> under <see cref="Directory"/>
/// when the system libstdc++ does not provide <see cref="VersionName"/>. Idempotent.
/// </summary>
public class MarkElfVersionNeedWeak : Microsoft.Build.Utilities.Task
{
    [Microsoft.Build.Framework.Required] public string Directory { get; set; } = "";
    [Microsoft.Build.Framework.Required] public string FileName { get; set; } = "";
    [Microsoft.Build.Framework.Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        if (!System.IO.Directory.Exists(Directory)) return true;
        string[] targets = System.IO.Directory.GetFiles(Directory, FileName, SearchOption.AllDirectories);
        if (targets.Length == 0) return true;

        string? libStdCxx = ElfWeakVersionPatch.SystemLibStdCxx();
        if (libStdCxx == null)
        {
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"MsaMl: no system libstdc++ found; {FileName} left as is.");
            return true;
        }
        if (ElfWeakVersionPatch.Provides(libStdCxx, VersionName))
        {
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, $"MsaMl: {libStdCxx} provides {VersionName}; {FileName} left as is.");
            return true;
        }

        foreach (string path in targets)
        {
            try
            {
                if (ElfWeakVersionPatch.PatchFile(path, VersionName))
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                        $"MsaMl: marked {VersionName} weak in {path} (the system libstdc++ lacks it and the only symbol that needs it is never called).");
            }
            catch (InvalidDataException ex)
            {
                Log.LogError($"MsaMl: cannot patch {path}: {ex.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }
}
#endif
