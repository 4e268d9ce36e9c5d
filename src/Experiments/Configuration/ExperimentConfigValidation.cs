using MsaMl.Datasets.Speech;

namespace MsaMl.Experiments.Configuration;

/// <summary>The values a configuration's keys can take beyond their types (positive sizes, fractions, the protocol that fits the dataset, …).</summary>
public static class ExperimentConfigValidation
{
    /// <exception cref="ExperimentConfigException">A value is impossible; the message names its key path.</exception>
    public static void Validate(ExperimentConfig c)
    {
        Require(ExperimentPresets.Names.Contains(c.Preset), "preset", c.Preset, $"expected one of: {string.Join(", ", ExperimentPresets.Names)}");
        var datasets = DatasetLoader.Names.Append("demo").ToArray();
        Require(datasets.Contains(c.Dataset.Name, StringComparer.OrdinalIgnoreCase), "dataset.name", c.Dataset.Name, $"expected one of: {string.Join(", ", datasets)}");
        bool iemocap = c.Dataset.Name.Equals("iemocap", StringComparison.OrdinalIgnoreCase);
        Require(iemocap || c.Dataset.Iemocap is null, "dataset.iemocap", "an object", "only the iemocap dataset reads IEMOCAP options");
        bool table = c.Dataset.Name.Equals(TableDatasetLoader.DatasetName, StringComparison.OrdinalIgnoreCase);
        Require(table || c.Dataset.Map is null, "dataset.map", c.Dataset.Map, "--map and --encoding apply to --dataset table only (dataset.map)");
        Require(table || c.Dataset.Encoding is null, "dataset.encoding", c.Dataset.Encoding, "--map and --encoding apply to --dataset table only (dataset.encoding)");
        if (c.Dataset.Iemocap is { } i)
        {
            Require(i.ValidationSession is null or (>= 1 and <= 4), "dataset.iemocap.validationSession", i.ValidationSession, "expected null or a session 1 to 4");
            Require(!i.KeepNoAgreement || i.LabelSet == IemocapLabelSet.TenClass, "dataset.iemocap.keepNoAgreement", i.KeepNoAgreement, "true only with labelSet TenClass");
            bool loso = c.Evaluation.Protocol == EvaluationProtocol.LeaveOneSessionOut;
            Require(loso == (i.SplitProtocol == IemocapSplitProtocol.SessionName), "dataset.iemocap.splitProtocol", i.SplitProtocol,
                loso ? "leave-one-session-out reads the sessions: expected SessionName" : "the test-split protocol needs Session5Test (SessionName is for evaluation.protocol LeaveOneSessionOut)");
            Require(!loso || i.ValidationSession is null, "dataset.iemocap.validationSession", i.ValidationSession, "leave-one-session-out holds out the session after the test one for validation: expected null");
        }
        else
            Require(c.Evaluation.Protocol == EvaluationProtocol.Split || (c.Evaluation.Protocol == EvaluationProtocol.LeaveOneSpeakerOut && DatasetLoader.IsActedSpeech(c.Dataset.Name)),
                "evaluation.protocol", c.Evaluation.Protocol, "LeaveOneSessionOut is defined for iemocap, LeaveOneSpeakerOut for emodb, ravdess, crema-d and tess: expected Split");
        Require(iemocap == false || c.Evaluation.Protocol != EvaluationProtocol.LeaveOneSpeakerOut, "evaluation.protocol", c.Evaluation.Protocol, "IEMOCAP is cross-validated by session: expected Split or LeaveOneSessionOut");
        if (c.Dataset.Validation is { } v)
            Require(v.ValidationFraction is > 0 and < 1, "dataset.validation.validationFraction", v.ValidationFraction, "expected a fraction between 0 and 1 (exclusive), or dataset.validation null for none");
        Require(c.Evaluation.Seeds.Count > 0, "evaluation.seeds", "[]", "expected at least one seed");

        var f = c.Featurizers;
        var declared = c.Modalities;
        bool audio = declared.HasFlag(Modalities.Audio), images = declared.HasFlag(Modalities.Image), text = declared.HasFlag(Modalities.Text);
        Require(audio == (f.Spectrogram is not null), "featurizers.spectrogram", audio ? "null" : "an object", audio ? "a dataset with audio needs the spectrogram options" : "the dataset has no audio");
        Require(images == (f.Image is not null), "featurizers.image", images ? "null" : "an object", images ? "a dataset with images needs the image options" : "the dataset has no images");
        Require(images == (f.ImageFeatures is not null), "featurizers.imageFeatures", images ? "null" : "an object", images ? "a dataset with images needs the imageFeatures options" : "the dataset has no images");
        bool visual = declared.HasFlag(Modalities.Visual);
        Require(visual == (f.Video is not null), "featurizers.video", visual ? "null" : "an object", visual ? "a dataset with videos needs the video frame options" : "the dataset has no videos");
        Require(text == (f.Text is not null), "featurizers.text", text ? "null" : "an object", text ? "a dataset with text needs the text encoder's options" : "the dataset has no text");
        Require(!c.Regression || DatasetLoader.HasIntensity(c.Dataset.Name), "dataset.task", "\"Regression\"", "the sentiment intensity is read from mosi, mosei, sims and demo-speech: expected Classification");
        Require(!c.Dataset.ExtractAudio || DatasetLoader.IsIntensity(c.Dataset.Name), "dataset.extractAudio", true, "audio is extracted from the videos of mosi, mosei and sims only");
        if (c.Evaluation.TestDataset is { } test)
        {
            Require(!c.Regression, "evaluation.testDataset", test, "cross-corpus testing compares emotion classes: expected dataset.task Classification");
            Require(c.Evaluation.Protocol == EvaluationProtocol.Split, "evaluation.testDataset", test, "cross-corpus testing scores the other corpus; it cannot be combined with leave-one-out");
            Require(DatasetLoader.Names.Contains(test, StringComparer.OrdinalIgnoreCase), "evaluation.testDataset", test, $"expected one of: {string.Join(", ", DatasetLoader.Names)}");
        }
        if (f.Spectrogram is { } s) OwnCheck("featurizers.spectrogram", () => s.Validate());
        Require(audio || f.Functionals is null, "featurizers.functionals", "an object", "acoustic functionals are an audio featurizer; the dataset has no audio");
        if (f.Functionals is { } functionals) OwnCheck("featurizers.functionals", functionals.Validate);
        if (f.Text is { } t) OwnCheck("featurizers.text", () => t.Validate());
        if (f.Image is { } image) OwnCheck("featurizers.image", () => image.Validate());
        if (f.Video is { } video) OwnCheck("featurizers.video", () => video.Validate());
        Model(c.Model, "model", member: false, c.Regression);
    }

    private static void Model(ModelSection model, string path, bool member, bool regression)
    {
        foreach (double speed in model.SpeedCopies)
            Require(speed is >= 0.5 and <= 2 && speed != 1, $"{path}.speedCopies", speed, "expected speed factors from 0.5 to 2, other than 1");
        Require(!member || model.SpeedCopies.Count == 0, $"{path}.speedCopies", "a list", "copies of the training recordings are made once for the whole model: set model.speedCopies");
        if (model.Pooled is { } pooled) OwnCheck($"{path}.pooled", pooled.Validate);
        Require(!regression || model.Pooled?.AveragedWith is null, $"{path}.pooled.averagedWith", "an object",
            "averaging two pooled models is for classification: expected null for a regression task");
        if (model.Options is { } o) OwnCheck(path, o.Validate);
        for (int i = 0; i < (model.Members?.Count ?? 0); i++) Model(model.Members![i], $"{path}.members[{i}]", member: true, regression);
    }

    /// <summary>Runs an options class's own check, reporting its error under the configuration key of the option it names.</summary>
    private static void OwnCheck(string section, Action validate)
    {
        try
        {
            validate();
        }
        catch (OptionOutOfRangeException ex)
        {
            string name = ex.ParamName!;
            throw new ExperimentConfigException($"{section}.{char.ToLowerInvariant(name[0])}{name[1..]}", ex.Shown, ex.Expected);
        }
        catch (ArgumentException ex)
        {
            string option = ex.ParamName is { Length: > 0 } name ? $"{section}.{char.ToLowerInvariant(name[0])}{name[1..]}" : section;
            string message = ex.Message;
            int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
            int colon = message.IndexOf(": ", StringComparison.Ordinal);
            string shown = ex is ArgumentOutOfRangeException { ActualValue: { } actual } ? OptionCheck.Show(actual) : "the value";
            throw new ExperimentConfigException(option, shown, (colon >= 0 ? message[(colon + 2)..] : message).TrimEnd('.'));
        }
    }

    private static void Require(bool ok, string key, object? value, string allowed)
    {
        if (!ok) throw new ExperimentConfigException(key, OptionCheck.Show(value), allowed);
    }
}
