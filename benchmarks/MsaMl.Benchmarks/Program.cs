using BenchmarkDotNet.Running;
using MsaMl.Benchmarks;

// Timed console runs (too slow or too process-level for BenchmarkDotNet's repetitions):
//   training       the training step against PyTorch
//   featurize      the speech featurizer against torchaudio
//   speech-recipe  the EmoDB recipe against the MFCC + logistic-regression peer
//   speech-folds   speech recipes on speaker-independent folds of EmoDB and URDU against scikit-learn peers
//   soak           the multi-threaded scoring soak (benchmarks/stress/stress.sh)
//   scalar-race    the TorchSharp Scalar-lifetime reproducer (benchmarks/stress/scalar-race.sh)
//   iemocap-scale  a preset's featurize time, epoch time and peak RSS on a full-size IEMOCAP-format tree
//   vader-text     text encoders on the VADER sentiment-intensity sentences against a TF-IDF + ridge peer
//   vader-finetune frozen against fine-tuned MiniLM (PretrainedTextEncoderOptions) on VADER
//   serve-load     msa serve under 8 clients x 1,000 predictions a bundle, against the engine and an empty endpoint
// Anything else goes to BenchmarkDotNet (e.g. --filter *Spectrogram*).
string[] rest = args.Skip(1).ToArray();
switch (args.FirstOrDefault())
{
    case "training": return TrainingStepBenchmark.Run(rest);
    case "featurize": return FeaturizerBenchmark.Run(rest);
    case "speech-recipe": return SpeechRecipeBenchmark.Run(rest);
    case "speech-folds": return SpeakerFoldsBenchmark.Run(rest);
    case "timeline-memory": return TimelineMemory.Run(rest);
    case "soak": return ScoringSoak.Run(rest);
    case "scalar-race": return ScalarRaceReproducer.Run(rest);
    case "iemocap-scale": return IemocapScaleBenchmark.Run(rest);
    case "vader-text": return VaderTextBenchmark.Run(rest);
    case "vader-finetune": return VaderFineTuneBenchmark.Run(rest);
    case "serve-load": return ServeLoad.Run(rest);
}
BenchmarkSwitcher.FromAssembly(typeof(SpectrogramBenchmarks).Assembly).Run(args);
return 0;
