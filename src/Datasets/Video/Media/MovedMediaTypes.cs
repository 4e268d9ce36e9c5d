using System.Runtime.CompilerServices;
using MsaMl.Datasets.Video;

// These lived here before the visual featurizer (MsaMl.Transforms) needed them; applications built
// against an older MsaMl.Datasets find them in MsaMl.Core.
[assembly: TypeForwardedTo(typeof(FfmpegOptions))]
[assembly: TypeForwardedTo(typeof(FfmpegNotFoundException))]
[assembly: TypeForwardedTo(typeof(MediaExtractionException))]
