namespace MortgageMath;

/// <summary>
/// Exact unsigned 64-bit division by a divisor fixed in advance, done as a multiply and shifts (Granlund and
/// Montgomery, "Division by Invariant Integers using Multiplication", 1994, figure 4.1). The amortization loop
/// divides by the same 12 × 10^s every period; a hardware divide costs several times more than this.
/// The quotient is exact for every 64-bit numerator.
/// </summary>
internal readonly struct Divisor
{
    private readonly ulong _multiplier;
    private readonly int _shift1;
    private readonly int _shift2;

    internal Divisor(ulong value)
    {
        if (value == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, Resources.LibraryText.Valid_DivisorZero);
        }

        Value = value;
        int l = value == 1 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(value - 1); // ceil(log2 d)
        UInt128 twoToL = UInt128.One << l;
        _multiplier = (ulong)((((twoToL - value) << 64) / value) + 1);
        _shift1 = Math.Min(l, 1);
        _shift2 = Math.Max(l - 1, 0);
    }

    internal ulong Value { get; }

    /// <summary>n / d, exactly.</summary>
    internal ulong Divide(ulong n) => Divide(n, _multiplier, _shift1, _shift2);

    /// <summary>The divisor's magic multiplier and shifts, for a loop that keeps them in registers.</summary>
    internal (ulong Multiplier, int Shift1, int Shift2) Parts => (_multiplier, _shift1, _shift2);

    /// <summary>n / d with d's <see cref="Parts"/>, exactly: the high half of a 64 × 64-bit product (one
    /// <c>mulx</c> where BMI2 is there, so the low half never goes through memory), an add and two shifts.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static ulong Divide(ulong n, ulong multiplier, int shift1, int shift2)
    {
        ulong t1 = System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported
            ? System.Runtime.Intrinsics.X86.Bmi2.X64.MultiplyNoFlags(multiplier, n)
            : Math.BigMul(multiplier, n, out _);
        return (t1 + ((n - t1) >> shift1)) >> shift2;
    }
}
