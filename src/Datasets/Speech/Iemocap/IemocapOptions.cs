namespace MsaMl.Datasets.Speech;

/// <summary>Options for <see cref="IemocapReader.Read"/>.</summary>
public sealed class IemocapOptions
{
    /// <summary>The <c>IEMOCAP_full_release</c> folder, which holds <c>Session1</c> to <c>Session5</c>.</summary>
    public string RootFolder { get; set; } = "";

    /// <summary>Ten categories (default) or the four-class set with <c>exc</c> merged into <c>hap</c>.</summary>
    public IemocapLabelSet LabelSet { get; set; } = IemocapLabelSet.TenClass;

    /// <summary>
    /// Keep utterances labelled <c>xxx</c> (annotators did not agree) with that label. Only with
    /// <see cref="IemocapLabelSet.TenClass"/>; they are excluded by default.
    /// </summary>
    public bool KeepNoAgreement { get; set; }

    /// <summary>Improvised and scripted dialogs (default), or only one kind.</summary>
    public IemocapDialogKind DialogKind { get; set; } = IemocapDialogKind.All;

    /// <summary>How <see cref="MultimodalRecord.Split"/> is filled; the session name by default.</summary>
    public IemocapSplitProtocol SplitProtocol { get; set; } = IemocapSplitProtocol.SessionName;

    /// <summary>With <see cref="IemocapSplitProtocol.Session5Test"/>: a session (1 to 4) to use as validation; none by default.</summary>
    public int? ValidationSession { get; set; }

    /// <summary>Drop utterances that have no wav file instead of keeping them with an empty <see cref="MultimodalRecord.AudioPath"/>. They are counted in the warnings either way.</summary>
    public bool RequireAudio { get; set; }

    /// <summary>Drop utterances that have no transcript line instead of keeping them with an empty <see cref="MultimodalRecord.Text"/>. They are counted in the warnings either way.</summary>
    public bool RequireText { get; set; }
}
