// TorchSharp's random generator is process-wide: trainings that run in parallel would draw
// from it in an unpredictable order, and the determinism tests would fail.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
