namespace MsaMl.Datasets.Speech;

/// <summary>Which IEMOCAP dialogs to read.</summary>
public enum IemocapDialogKind
{
    /// <summary>Improvised and scripted dialogs.</summary>
    All,

    /// <summary>Only improvised dialogs (<c>impro</c> in the id).</summary>
    Improvised,

    /// <summary>Only scripted dialogs (<c>script</c> in the id).</summary>
    Scripted,
}
