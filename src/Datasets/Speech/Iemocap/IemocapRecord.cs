namespace MsaMl.Datasets.Speech;

/// <summary>One IEMOCAP utterance. <see cref="MultimodalRecord.Id"/> is the utterance id (e.g. <c>Ses01F_impro01_F000</c>).</summary>
public sealed class IemocapRecord : MultimodalRecord
{
    /// <summary>Recording session, 1 to 5.</summary>
    public int Session { get; set; }


    /// <summary>Dialog the utterance belongs to, e.g. <c>Ses01F_impro01</c>.</summary>
    public string Dialog { get; set; } = "";

    /// <summary>True for improvised dialogs (<c>impro</c>), false for scripted ones (<c>script</c>).</summary>
    public bool Improvised { get; set; }

    /// <summary>The consensus label as written in the dataset, before any class merge (e.g. <c>exc</c> when <see cref="MultimodalRecord.Label"/> is <c>hap</c>).</summary>
    public string OriginalLabel { get; set; } = "";

    /// <summary>Mean valence rating, 1 to 5.</summary>
    public float Valence { get; set; }

    /// <summary>Mean arousal (activation) rating, 1 to 5.</summary>
    public float Arousal { get; set; }

    /// <summary>Mean dominance rating, 1 to 5.</summary>
    public float Dominance { get; set; }

    /// <summary>Start of the utterance in the dialog recording, in seconds.</summary>
    public float StartSeconds { get; set; }

    /// <summary>End of the utterance in the dialog recording, in seconds.</summary>
    public float EndSeconds { get; set; }
}
