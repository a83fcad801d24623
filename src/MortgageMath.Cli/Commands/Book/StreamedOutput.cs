namespace MortgageMath.Cli;

/// <summary>
/// A large <c>--output</c> written as it is produced, with the guarantee of <see cref="OutputFile"/>: the bytes go
/// to a temporary file beside the target (<c>.NAME.RANDOM.tmp</c>), which is renamed over the target only when the
/// whole output is written; on any failure (bad input met half-way included) it is deleted and the target is as it
/// was. A device such as <c>/dev/null</c> is written in place.
/// </summary>
internal static class StreamedOutput
{
    internal static T Write<T>(string path, Func<Stream, T> write)
    {
        string full = Path.GetFullPath(path);
        if (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal))
        {
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write);
            return write(device);
        }

        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            T result;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                result = write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            // As OutputFile does: the system's text names the file asked for, not the temporary one.
            string message = e.Message.Replace(temp, full, StringComparison.Ordinal);
            throw OutputFile.Failure(path, e is UnauthorizedAccessException ? new UnauthorizedAccessException(message, e) : new IOException(message, e));
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the temporary file's name says what it is.
        }
    }
}
