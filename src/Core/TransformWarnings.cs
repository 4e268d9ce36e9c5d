using System.Diagnostics;

namespace MsaMl.Transforms.Core;

/// <summary>
/// What a transform let pass with a fallback rather than an error: one line each, shared by every
/// cursor of the transformer, also written to <see cref="Trace"/>. Keeps the first
/// <see cref="Capacity"/> lines and counts the rest.
/// </summary>
public class TransformWarnings
{
    /// <summary>How many lines are kept.</summary>
    public const int Capacity = 1000;

    private readonly List<string> _lines = [];
    private int _count;

    /// <summary>How many warnings were raised (including any beyond <see cref="Capacity"/>).</summary>
    public int Count
    {
        get { lock (_lines) return _count; }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.ToList(); }
    }

    /// <summary>Records <paramref name="line"/>.</summary>
    public void Add(string line)
    {
        lock (_lines)
        {
            _count++;
            if (_lines.Count < Capacity) _lines.Add(line);
        }
        Trace.TraceWarning("MsaMl: " + line);
    }
}
