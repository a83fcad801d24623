namespace MortgageMath.Cli;

/// <summary>The process exit codes of the <c>mortgage</c> tool.</summary>
internal static class ExitCodes
{
    /// <summary>Success: the schedule (or the help text) was written.</summary>
    internal const int Ok = 0;

    /// <summary>The output could not be written (e.g. the <c>--output</c> directory does not exist), or an unexpected failure.</summary>
    internal const int Failure = 1;

    /// <summary><c>spec validate</c>: a file was read but is not a valid loan spec (its errors are listed).</summary>
    internal const int Invalid = 1;

    /// <summary><c>verify</c>: every schedule was read and something differs from ours.</summary>
    internal const int Differs = 1;

    /// <summary>Bad input: a missing, unparsable or out-of-range argument.</summary>
    internal const int BadInput = 2;
}
