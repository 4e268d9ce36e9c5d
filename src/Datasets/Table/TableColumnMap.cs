namespace MsaMl.Datasets;

/// <summary>
/// Which column of a table holds each of MsaMl's standard columns. Only <see cref="Label"/> and one
/// of <see cref="Text"/>, <see cref="Audio"/>, <see cref="Image"/> or <see cref="Video"/> are required; column names
/// match exactly, else ignoring case.
/// </summary>
public sealed class TableColumnMap
{
    /// <summary>The keys of <see cref="Parse"/>, in order: id, text, audio, image, video, label, split, group.</summary>
    public static readonly IReadOnlyList<string> Keys = ["id", "text", "audio", "image", "video", "label", "split", "group"];

    /// <summary>Column with a unique row id; when null the row's line number is its id.</summary>
    public string? Id { get; set; }

    /// <summary>Column with the text (transcript, caption, post); empty text is a missing modality.</summary>
    public string? Text { get; set; }

    /// <summary>Column with the WAV file path; an empty field is a missing modality.</summary>
    public string? Audio { get; set; }

    /// <summary>Column with the image file path; an empty field is a missing modality.</summary>
    public string? Image { get; set; }

    /// <summary>Column with the video file path (the visual modality: its frames); an empty field is a missing modality.</summary>
    public string? Video { get; set; }

    /// <summary>Column with the label: a class name, or a number (see <see cref="TableReaderOptions.LabelKind"/>). Required.</summary>
    public string? Label { get; set; }

    /// <summary>
    /// Column with the split of each row (<c>train</c>, <c>val</c>/<c>valid</c>/<c>validation</c>/<c>dev</c>,
    /// <c>test</c>); when null the reader makes a split (<see cref="TableReaderOptions.Split"/>).
    /// </summary>
    public string? Split { get; set; }

    /// <summary>
    /// Column with the group of each row (speaker, image, video): when the reader makes the split,
    /// rows of one group never land in two splits.
    /// </summary>
    public string? Group { get; set; }

    /// <summary>The mapped (key, column) pairs, in the order of <see cref="Keys"/>.</summary>
    public IEnumerable<(string Key, string Column)> Mapped()
    {
        foreach (string key in Keys)
            if (Get(key) is { } column) yield return (key, column);
    }

    /// <summary>
    /// Parses <c>key=Column,key=Column,…</c> (the <c>msa train --map</c> syntax), e.g.
    /// <c>text=Text,image=Name,label=Valence</c>; keys are those of <see cref="Keys"/>, any case.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is not <c>key=Column</c>, a key is unknown or given twice.</exception>
    public static TableColumnMap Parse(string map)
    {
        var result = new TableColumnMap();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string entry in map.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = entry.IndexOf('=');
            string key = equals < 0 ? "" : entry[..equals].Trim().ToLowerInvariant();
            string column = equals < 0 ? "" : entry[(equals + 1)..].Trim();
            if (key.Length == 0 || column.Length == 0)
                throw new ArgumentException($"column map entry '{entry}' is not key=Column (keys: {string.Join(", ", Keys)})");
            if (!Keys.Contains(key))
                throw new ArgumentException($"column map key '{key}' is unknown; expected one of: {string.Join(", ", Keys)}");
            if (!seen.Add(key)) throw new ArgumentException($"column map key '{key}' is given twice");
            result.Set(key, column);
        }
        return result;
    }

    /// <summary>The map in <see cref="Parse"/>'s syntax.</summary>
    public override string ToString() => string.Join(",", Mapped().Select(m => $"{m.Key}={m.Column}"));

    private string? Get(string key) => key switch
    {
        "id" => Id, "text" => Text, "audio" => Audio, "image" => Image, "video" => Video,
        "label" => Label, "split" => Split, "group" => Group,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    private void Set(string key, string column)
    {
        switch (key)
        {
            case "id": Id = column; break;
            case "text": Text = column; break;
            case "audio": Audio = column; break;
            case "image": Image = column; break;
            case "video": Video = column; break;
            case "label": Label = column; break;
            case "split": Split = column; break;
            case "group": Group = column; break;
        }
    }
}
