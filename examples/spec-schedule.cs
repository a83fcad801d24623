#:package MortgageMath@0.1.0
// A file-based app: `dotnet run examples/spec-schedule.cs -- docs/examples/fixed-tv1.json` prints the loan's schedule
// as CSV, byte for byte what `mortgage schedule --spec docs/examples/fixed-tv1.json --format csv` prints: both read
// the document through the same library call (MortgageMath.Specs.LoanSpec.Load).
using MortgageMath.Specs;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run spec-schedule.cs -- LOAN.json");
    return 2;
}

LoanDocument document = LoanSpec.Load(args[0]);
document.WriteScheduleCsv(Console.Out);
return 0;
