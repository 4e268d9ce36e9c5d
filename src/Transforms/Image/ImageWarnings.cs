using System.Diagnostics;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Image;

/// <summary>
/// The images an image transform skipped under <see cref="UnreadableImagePolicy.MissingModality"/>:
/// one line each (column, row, file, problem), shared by every cursor of the transformer, also
/// written to <see cref="Trace"/>. Keeps the first <see cref="Capacity"/> lines and counts the rest.
/// </summary>
public sealed class ImageWarnings
{
    /// <summary>How many lines are kept.</summary>
    public const int Capacity = 1000;

    private readonly List<string> _lines = [];
    private readonly List<MsaInputException> _images = [];
    private int _count;

    /// <summary>How many images were skipped (including any beyond <see cref="Capacity"/>).</summary>
    public int Count
    {
        get { lock (_lines) return _count; }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.ToList(); }
    }

    /// <summary>The kept skipped images as errors (column, row, file, problem), in the order of <see cref="Lines"/>.</summary>
    public IReadOnlyList<MsaInputException> Images
    {
        get { lock (_lines) return _images.ToList(); }
    }

    internal void Add(MsaInputException image)
    {
        string line = image.Message + " Treated as a missing image.";
        lock (_lines)
        {
            _count++;
            if (_lines.Count < Capacity)
            {
                _lines.Add(line);
                _images.Add(image);
            }
        }
        Trace.TraceWarning("MsaMl: " + line);
    }
}
