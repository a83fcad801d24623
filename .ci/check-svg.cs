// Checks that each file named on the command line is a well-formed SVG document (an XML document whose root is the
// SVG namespace's <svg>); .ci/run runs it on the charts the examples write. Exit code 0 when all are, else 1.
using System.Xml;
using System.Xml.Linq;

XName svg = XName.Get("svg", "http://www.w3.org/2000/svg");
int failed = 0;
foreach (string path in args)
{
    try
    {
        XDocument document = XDocument.Load(path);
        if (document.Root?.Name != svg)
        {
            throw new FormatException($"the root element is <{document.Root?.Name}>, not <svg>");
        }

        Console.WriteLine($"{Path.GetFileName(path)}: well-formed SVG, {document.Descendants().Count()} elements, {new FileInfo(path).Length} bytes");
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException or FormatException)
    {
        Console.Error.WriteLine($"error: {path}: {e.Message}");
        failed++;
    }
}

return failed == 0 && args.Length > 0 ? 0 : 1;
