namespace MsaMl.Experiments.Configuration;

/// <summary>How a model is evaluated.</summary>
public enum EvaluationProtocol
{
    /// <summary>The dataset's test split (IEMOCAP: Session 5).</summary>
    Split,
    /// <summary>IEMOCAP: each session in turn is the test set (needs <c>dataset.iemocap.splitProtocol</c> <c>SessionName</c>).</summary>
    LeaveOneSessionOut,
    /// <summary>Acted speech corpora (emodb, ravdess, crema-d, tess): each speaker in turn is the test set, the next one validates.</summary>
    LeaveOneSpeakerOut,
}
