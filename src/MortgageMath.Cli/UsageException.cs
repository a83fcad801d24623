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

    /// <summary>The input file at fault, when known (<c>--errors json</c> reports it as <c>path</c>).</summary>
    internal string? Path { get; init; }

    /// <summary>The line of <see cref="Path"/> at fault, from 1, when known.</summary>
    internal int? Line { get; init; }

    /// <summary>The column (a header or JSON member) at fault, when known.</summary>
    internal string? Column { get; init; }
}
