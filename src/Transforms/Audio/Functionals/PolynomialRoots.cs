using System.Numerics;

namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>The complex roots of a polynomial by the Durand-Kerner (Weierstrass) iteration.</summary>
internal static class PolynomialRoots
{
    private const int MaxIterations = 500;
    private const double Tolerance = 1e-9;

    /// <summary>The roots of c[0]·zⁿ + c[1]·zⁿ⁻¹ + … + c[n]; c[0] must not be 0.</summary>
    public static Complex[] Of(double[] coefficients)
    {
        int n = coefficients.Length - 1;
        if (n < 1) return [];
        var monic = coefficients.Select(c => c / coefficients[0]).ToArray();
        var roots = new Complex[n];
        var seed = new Complex(0.4, 0.9); // not a root of unity, so the starting points are distinct and off the real axis
        for (int i = 0; i < n; i++) roots[i] = Complex.Pow(seed, i);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double largestStep = 0;
            for (int i = 0; i < n; i++)
            {
                Complex value = 1;
                for (int k = 1; k <= n; k++) value = value * roots[i] + monic[k];
                Complex denominator = 1;
                for (int j = 0; j < n; j++) if (j != i) denominator *= roots[i] - roots[j];
                if (denominator == Complex.Zero) denominator = new Complex(1e-12, 0);
                var step = value / denominator;
                roots[i] -= step;
                largestStep = Math.Max(largestStep, step.Magnitude);
            }
            if (largestStep < Tolerance) break;
        }
        return roots;
    }
}
