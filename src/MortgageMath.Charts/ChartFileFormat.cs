namespace MortgageMath.Charts;

/// <summary>The file formats a <see cref="Chart"/> is saved in.</summary>
public enum ChartFileFormat
{
    /// <summary>Scalable vector graphics (text, UTF-8 XML): for web pages and reports.</summary>
    Svg = 0,

    /// <summary>Portable network graphics (a bitmap of <see cref="ChartOptions.Width"/> × <see cref="ChartOptions.Height"/> pixels).</summary>
    Png = 1,
}

/// <summary>Tells a chart file's format from its name.</summary>
public static class ChartFileFormats
{
    /// <summary>The format of <paramref name="path"/> by its extension (<c>.svg</c> or <c>.png</c>, any case).</summary>
    /// <param name="path">A file name or path.</param>
    /// <param name="format">The format, when the result is true.</param>
    /// <returns>False for any other extension.</returns>
    public static bool TryFromPath(string path, out ChartFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path);
        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            format = ChartFileFormat.Svg;
            return true;
        }

        format = ChartFileFormat.Png;
        return extension.Equals(".png", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The format of <paramref name="path"/> by its extension.</summary>
    /// <param name="path">A file name or path ending in <c>.svg</c> or <c>.png</c>.</param>
    /// <exception cref="ArgumentException">Any other extension (ParamName <c>path</c>).</exception>
    public static ChartFileFormat FromPath(string path) => TryFromPath(path, out ChartFileFormat format)
        ? format
        : throw new ArgumentException($"A chart file ends in .svg or .png; was '{path}'.", nameof(path));
}
