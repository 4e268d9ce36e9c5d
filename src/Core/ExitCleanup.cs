using System.Runtime.InteropServices;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Deletes registered folders when the process ends early: on Ctrl-C (SIGINT), SIGTERM, SIGHUP and
/// SIGQUIT (<see cref="PosixSignalRegistration"/>, also the console close events on Windows) and
/// on <see cref="AppDomain.ProcessExit"/> (which .NET does not raise for these signals). The handlers
/// never cancel the signal, so the process still ends as it would have; they only remove what would
/// otherwise stay in the temp folder.
/// </summary>
internal static class ExitCleanup
{
    private static readonly HashSet<string> Folders = new(StringComparer.Ordinal);
    private static readonly List<PosixSignalRegistration> Registrations = new();
    private static bool _hooked;

    /// <summary>Deletes <paramref name="folder"/> if the process ends before <see cref="Forget"/>.</summary>
    public static void Register(string folder)
    {
        lock (Folders)
        {
            Folders.Add(folder);
            if (_hooked) return;
            _hooked = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            {
                try
                {
                    // An application that cancels the signal itself (Console.CancelKeyPress) goes on running with its caches.
                    Registrations.Add(PosixSignalRegistration.Create(signal, context =>
                    {
                        if (!context.Cancel) DeleteAll();
                    }));
                }
                catch (Exception ex) when (ex is PlatformNotSupportedException or IOException)
                {
                    // Not every platform has every signal; ProcessExit still covers a normal end.
                }
            }
        }
    }

    /// <summary>Stops watching <paramref name="folder"/> (its owner deleted it).</summary>
    public static void Forget(string folder)
    {
        lock (Folders) Folders.Remove(folder);
    }

    private static void DeleteAll()
    {
        string[] folders;
        lock (Folders) folders = Folders.ToArray();
        foreach (string folder in folders) DeleteFolder(folder);
    }

    /// <summary>Deletes a folder, retrying when a writer adds a file meanwhile; false when it stays.</summary>
    public static bool DeleteFolder(string folder)
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file added while deleting, or still open (Windows).
            }
        }
        return !Directory.Exists(folder);
    }
}
