namespace MortgageMath.Analytics;

/// <summary>
/// Finds a rate r &gt; −1 at which a function changes sign, in <see cref="decimal"/>. First it <b>brackets</b>: it
/// evaluates a fixed grid of plausible rates (from −1 + 10⁻¹² to 10⁶, dense near zero, plus the guess) and keeps
/// every pair of neighbouring points with opposite signs; if there is none it also probes the grid's local minima
/// of |f| for a dip through zero. Of the roots in those brackets it returns the one nearest the guess. Then it <b>refines</b> the bracket with Brent's method
/// (inverse quadratic interpolation and secant steps, safeguarded by bisection), so it always converges, to about
/// 10⁻²⁵ relative. No sign change anywhere means no solution, which the caller reports by name.
/// </summary>
internal static class RootFinder
{
    /// <summary>Relative width at which the bracket is accepted.</summary>
    private const decimal RelativeTolerance = 0.0000000000000000000000001m; // 1e-25

    /// <summary>Absolute width at which the bracket is accepted (decimal resolves 1e-28).</summary>
    private const decimal AbsoluteTolerance = 0.000000000000000000000000001m; // 1e-27

    private const int MaxIterations = 500;

    /// <summary>The grid of rates the bracketing walks, ascending, all &gt; −1.</summary>
    internal static readonly decimal[] Grid = BuildGrid();

    private static decimal[] BuildGrid()
    {
        var points = new SortedSet<decimal>();
        decimal near = 1m;
        for (int k = 1; k <= 12; k++)
        {
            near /= 10m;
            points.Add(-1m + near); // −0.9, −0.99, …, −0.999999999999
        }

        decimal[] magnitudes =
        {
            0.00000001m, 0.000001m, 0.00001m, 0.0001m, 0.0005m, 0.001m, 0.002m, 0.003m, 0.004m, 0.005m, 0.0075m,
            0.01m, 0.0125m, 0.015m, 0.02m, 0.025m, 0.03m, 0.04m, 0.05m, 0.06m, 0.075m, 0.1m, 0.125m, 0.15m, 0.2m,
            0.25m, 0.3m, 0.4m, 0.5m, 0.6m, 0.7m, 0.8m, 0.85m, 0.95m,
        };
        foreach (decimal m in magnitudes)
        {
            points.Add(m);
            points.Add(-m);
        }

        points.Add(0m);
        decimal[] large = { 1m, 1.25m, 1.5m, 2m, 2.5m, 3m, 4m, 5m, 7.5m, 10m, 15m, 20m, 30m, 50m, 100m, 200m, 500m, 1_000m, 10_000m, 100_000m, 1_000_000m };
        foreach (decimal m in large)
        {
            points.Add(m);
        }

        return points.ToArray();
    }

    /// <summary>
    /// A root of <paramref name="f"/> in (−1, 10⁶]: of the sign changes found, the root nearest
    /// <paramref name="guess"/>. Returns false when no sign change was found.
    /// </summary>
    internal static bool TrySolve(Func<decimal, decimal> f, decimal guess, out decimal root)
    {
        // The grid with the guess in its place.
        var xs = new List<decimal>(Grid.Length + 1);
        int at = Array.BinarySearch(Grid, guess);
        xs.AddRange(Grid);
        if (at < 0)
        {
            xs.Insert(~at, guess);
        }

        var fs = new decimal[xs.Count];
        for (int i = 0; i < xs.Count; i++)
        {
            fs[i] = f(xs[i]);
        }

        var brackets = new List<int>(); // i: a sign change (or an exact zero at i) between xs[i] and xs[i + 1]
        for (int i = 0; i < xs.Count; i++)
        {
            if (fs[i] == 0m || (i + 1 < xs.Count && fs[i + 1] != 0m && Math.Sign(fs[i]) == -Math.Sign(fs[i + 1])))
            {
                brackets.Add(i);
            }
        }

        if (brackets.Count == 0)
        {
            return TryHiddenRoot(f, xs, fs, out root);
        }

        // Refine brackets in order of their distance from the guess until no remaining one can hold a nearer root.
        brackets.Sort((p, q) => Distance(xs, p, guess).CompareTo(Distance(xs, q, guess)));
        decimal best = 0m, bestDistance = decimal.MaxValue;
        foreach (int i in brackets)
        {
            if (Distance(xs, i, guess) >= bestDistance)
            {
                break;
            }

            decimal candidate = fs[i] == 0m ? xs[i] : Brent(f, xs[i], fs[i], xs[i + 1], fs[i + 1]);
            decimal distance = Math.Abs(candidate - guess);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        root = best;
        return true;
    }

    /// <summary>How far the guess is from bracket i (0 inside it).</summary>
    private static decimal Distance(List<decimal> xs, int i, decimal guess)
    {
        decimal low = xs[i], high = i + 1 < xs.Count ? xs[i + 1] : xs[i];
        return guess < low ? low - guess : guess > high ? guess - high : 0m;
    }

    /// <summary>
    /// No sign change on the grid: a pair of roots (or a touching root) may hide between grid points. Probe each
    /// local minimum of |f| with a golden-section search for a point where the sign flips.
    /// </summary>
    private static bool TryHiddenRoot(Func<decimal, decimal> f, List<decimal> xs, decimal[] fs, out decimal root)
    {
        for (int i = 1; i < xs.Count - 1; i++)
        {
            decimal here = Math.Abs(fs[i]);
            if (here <= Math.Abs(fs[i - 1]) && here <= Math.Abs(fs[i + 1])
                && TryDip(f, xs[i - 1], xs[i + 1], Math.Sign(fs[i]), out decimal flip, out decimal fFlip))
            {
                root = fFlip == 0m ? flip
                    : flip < xs[i] ? Brent(f, xs[i - 1], fs[i - 1], flip, fFlip)
                    : Brent(f, flip, fFlip, xs[i + 1], fs[i + 1]);
                return true;
            }
        }

        root = 0m;
        return false;
    }

    /// <summary>Golden-section search for the minimum of sign·f on [a, b]; true when it meets a point of the opposite sign.</summary>
    private static bool TryDip(Func<decimal, decimal> f, decimal a, decimal b, int sign, out decimal x, out decimal fx)
    {
        const decimal ratio = 0.6180339887498948482045868344m;
        decimal c = b - (ratio * (b - a));
        decimal d = a + (ratio * (b - a));
        decimal fc = sign * f(c);
        decimal fd = sign * f(d);
        for (int i = 0; i < 80; i++)
        {
            if (fc <= 0m)
            {
                (x, fx) = (c, sign * fc);
                return true;
            }

            if (fd <= 0m)
            {
                (x, fx) = (d, sign * fd);
                return true;
            }

            if (fc < fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - (ratio * (b - a));
                fc = sign * f(c);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + (ratio * (b - a));
                fd = sign * f(d);
            }
        }

        (x, fx) = (0m, 0m);
        return false;
    }

    /// <summary>Brent's method on a bracket [a, b] with f(a), f(b) of opposite signs (Numerical Recipes' zbrent).</summary>
    internal static decimal Brent(Func<decimal, decimal> f, decimal a, decimal fa, decimal b, decimal fb)
    {
        decimal c = b, fc = fb, d = b - a, e = d;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            if (Math.Sign(fb) == Math.Sign(fc))
            {
                (c, fc) = (a, fa);
                d = b - a;
                e = d;
            }

            if (Math.Abs(fc) < Math.Abs(fb))
            {
                (a, fa) = (b, fb);
                (b, fb) = (c, fc);
                (c, fc) = (a, fa);
            }

            decimal tol = (2m * RelativeTolerance * Math.Abs(b)) + (0.5m * AbsoluteTolerance);
            decimal xm = 0.5m * (c - b);
            if (Math.Abs(xm) <= tol || fb == 0m)
            {
                return b;
            }

            bool interpolated = false;
            if (Math.Abs(e) >= tol && Math.Abs(fa) > Math.Abs(fb))
            {
                try
                {
                    decimal p, q;
                    decimal s = fb / fa;
                    if (a == c)
                    {
                        p = 2m * xm * s; // secant
                        q = 1m - s;
                    }
                    else
                    {
                        decimal qq = fa / fc; // inverse quadratic interpolation
                        decimal r = fb / fc;
                        p = s * ((2m * xm * qq * (qq - r)) - ((b - a) * (r - 1m)));
                        q = (qq - 1m) * (r - 1m) * (s - 1m);
                    }

                    if (p > 0m)
                    {
                        q = -q;
                    }

                    p = Math.Abs(p);
                    decimal min1 = (3m * xm * q) - Math.Abs(tol * q);
                    decimal min2 = Math.Abs(e * q);
                    if (q != 0m && 2m * p < Math.Min(min1, min2))
                    {
                        e = d;
                        d = p / q;
                        interpolated = true;
                    }
                }
                catch (OverflowException)
                {
                    // Ratios too far apart for decimal: bisect this step.
                }
            }

            if (!interpolated)
            {
                d = xm;
                e = d;
            }

            (a, fa) = (b, fb);
            b += Math.Abs(d) > tol ? d : (xm > 0m ? tol : -tol);
            fb = f(b);
        }

        return b;
    }
}
