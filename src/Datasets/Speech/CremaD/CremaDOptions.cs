namespace MsaMl.Datasets.Speech;

/// <summary>
/// Options for <see cref="CremaDReader.Read"/>. Default split: actors 1082 to 1091 test, 1073 to
/// 1081 validation, 1001 to 1072 train.
/// </summary>
public sealed class CremaDOptions : ActedSpeechOptions
{
    /// <summary>
    /// CREMA-D's <c>VideoDemographics.csv</c> (ActorID, Age, Sex, …) for the gender column; null looks
    /// for it in the root folder and its parent (the repository layout keeps it beside <c>AudioWAV/</c>).
    /// Without it the gender stays empty and a warning says so.
    /// </summary>
    public string? DemographicsPath { get; set; }
}
