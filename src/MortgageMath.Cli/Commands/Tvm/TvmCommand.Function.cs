using System.CommandLine;
using System.Text.Json;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>The tvm functions and their arguments as read.</summary>
internal sealed partial class TvmCommand
{
    /// <summary>One argument as read: its Excel name, how the table shows it, how JSON writes it.</summary>
    internal sealed record Argument(string Name, string Display, Action<Utf8JsonWriter> WriteJson);

    /// <summary>One function: its subcommand, options and computation.</summary>
    internal sealed class Function
    {
        private readonly Dictionary<string, Option<string>> _options = new(StringComparer.Ordinal);

        internal Function(string name, string excel, string description, string[] options, ResultKind kind,
            Dictionary<string, (string HelpName, string Description, string? Default)> optionHelp, Func<Reader, decimal> compute)
        {
            Name = name;
            Excel = excel;
            Kind = kind;
            Compute = compute;
            Command = new Command(name, $"{excel}: {description}");
            foreach (string key in (string[])[.. options, "--format"])
            {
                (string helpName, string help, string? byDefault) = optionHelp[key];
                bool optional = Optional.Contains(key) || (key == "--pv" && name == "fv");
                string text = byDefault == "" ? help
                    : optional ? Language.Format(CliText.Help_TvmOptDefault, help, byDefault) : Language.Format(CliText.Help_TvmOptRequired, help);
                string optionName = key == "--xrate" ? "--rate" : key;
                var option = new Option<string>(optionName) { Description = text, HelpName = helpName };
                _options[optionName] = option;
                Command.Options.Add(option);
            }
        }

        internal string Name { get; }

        internal string Excel { get; }

        internal ResultKind Kind { get; }

        internal Func<Reader, decimal> Compute { get; }

        internal Command Command { get; }

        internal Option<string> Option(string name) => _options[name];

        internal bool Has(string name) => _options.ContainsKey(name);
    }
}
