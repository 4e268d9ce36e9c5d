namespace MsaMl.DemoCorpus.Speech;

/// <summary>
/// The sentences spoken. <see cref="Ambiguous"/> sentences are said with every emotion, so their
/// words do not tell the label; <see cref="Worded"/> sentences say their emotion in words.
/// Short on purpose: the corpus has an audio size budget.
/// </summary>
public static class SpeechTranscripts
{
    public static readonly IReadOnlyList<string> Ambiguous =
    [
        "The bus comes at six.",
        "I read the letter.",
        "She closed the door.",
        "We move on Monday.",
        "It is on the table.",
        "He called again.",
        "The meeting was today.",
        "I saw them outside.",
        "That is my car.",
        "They changed the plan.",
        "The shop is closed.",
        "It starts at noon.",
        "The train is here.",
        "She bought a lamp.",
        "We took the stairs.",
        "He wrote it down.",
        "The box is blue.",
        "I know that man.",
        "They left at ten.",
        "Your keys are there.",
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Worded = new Dictionary<string, IReadOnlyList<string>>
    {
        [Emotions.Neutral] =
        [
            "I feel calm.",
            "I don't mind.",
            "It is all the same to me.",
            "No strong feelings.",
            "I am okay, I guess.",
            "Nothing special, really.",
            "Neither good nor bad.",
            "I feel fine.",
            "Whatever you prefer.",
            "So-so, nothing more.",
        ],
        [Emotions.Happy] =
        [
            "I love this so much!",
            "What a wonderful day!",
            "I am so happy!",
            "This is great news!",
            "We won, how lovely!",
            "I feel fantastic.",
            "That made me smile.",
            "Best gift ever!",
            "Yay, you are here!",
            "This is pure joy.",
        ],
        [Emotions.Sad] =
        [
            "I miss her so much.",
            "I feel so alone.",
            "Nobody came.",
            "My dog died today.",
            "It is hopeless now.",
            "I lost everything.",
            "I keep crying.",
            "I feel empty.",
            "He never came back.",
            "I am so unhappy.",
        ],
        [Emotions.Angry] =
        [
            "I hate this!",
            "Get out now!",
            "This is outrageous!",
            "Stop lying to me!",
            "I am furious with you.",
            "Shut up and listen!",
            "How dare you!",
            "That is so unfair!",
            "Leave me alone!",
            "I told you twice!",
        ],
    };
}
