using BenchmarkDotNet.Running;
using MsaMl.Benchmarks;

// `training` runs the timed console comparison of training steps (too slow for BenchmarkDotNet's
// repetitions); `featurize` the speech featurizer against torchaudio; anything else goes to BenchmarkDotNet (e.g. --filter *Spectrogram*).
if (args.Length > 0 && args[0] == "training")
    return TrainingStepBenchmark.Run(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "featurize")
    return FeaturizerBenchmark.Run(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "speech-recipe")
    return SpeechRecipeBenchmark.Run(args.Skip(1).ToArray());
BenchmarkSwitcher.FromAssembly(typeof(SpectrogramBenchmarks).Assembly).Run(args);
return 0;
