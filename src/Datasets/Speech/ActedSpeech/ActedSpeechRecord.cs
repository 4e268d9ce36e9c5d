namespace MsaMl.Datasets.Speech;

/// <summary>
/// One recording of an acted speech-emotion corpus (RAVDESS, CREMA-D, TESS, EmoDB), read from its
/// file name. <see cref="MultimodalRecord.Label"/> is the harmonized emotion
/// (<see cref="EmotionVocabulary"/>); <see cref="MultimodalRecord.Text"/> the sentence spoken.
/// </summary>
public sealed class ActedSpeechRecord : MultimodalRecord
{
    /// <summary>The corpus: RAVDESS, CREMA-D, TESS or EmoDB.</summary>
    public string Corpus { get; set; } = "";


    /// <summary><c>male</c>, <c>female</c>, or empty when the corpus does not say (CREMA-D without VideoDemographics.csv).</summary>
    public string Gender { get; set; } = "";

    /// <summary>The emotion code as the file name writes it (RAVDESS <c>05</c>, CREMA-D <c>ANG</c>, TESS <c>angry</c>, EmoDB <c>W</c>).</summary>
    public string CorpusLabel { get; set; } = "";

    /// <summary>The sentence code (RAVDESS <c>01</c>, CREMA-D <c>IEO</c>, TESS the word, EmoDB <c>a01</c>).</summary>
    public string Statement { get; set; } = "";

    /// <summary>Intensity when the corpus gives one: RAVDESS <c>normal</c>/<c>strong</c>; CREMA-D <c>low</c>/<c>medium</c>/<c>high</c>/<c>unspecified</c>.</summary>
    public string Intensity { get; set; } = "";

    /// <summary>Take: RAVDESS repetition (<c>01</c>, <c>02</c>), EmoDB version letter; empty otherwise.</summary>
    public string Take { get; set; } = "";
}
