namespace MsaMl.Trainers.Training;

/// <summary>What TorchSharp sees on this machine, as <c>msa info</c> prints it.</summary>
public sealed record TorchDeviceInfo(string TorchSharpVersion, string LibTorchVersion, bool CudaAvailable, int CudaDeviceCount, string DefaultDevice);
