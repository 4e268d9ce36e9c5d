namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>The spectral descriptors of one frame (see <c>AcousticFunctionals</c> for each definition).</summary>
internal readonly record struct SpectralDescriptors(
    double Loudness, double AlphaRatio, double HammarbergIndex, double SlopeLow, double SlopeHigh,
    double Mfcc1, double Mfcc2, double Mfcc3, double Mfcc4);
