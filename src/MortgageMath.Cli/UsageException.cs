namespace MortgageMath.Cli;

/// <summary>
/// A command-line argument is missing, unparsable or out of range. The message is one line that says what is wrong
/// and how to fix it; <see cref="CliApp"/> prints it after <c>error: </c> and exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
internal sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line: what is wrong and how to write it instead.</param>
    internal UsageException(string message)
        : base(message)
    {
    }
}
