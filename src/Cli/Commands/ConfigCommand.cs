using System.CommandLine;
using MsaMl.Experiments.Configuration;

namespace MsaMl.Cli.Commands;

/// <summary><c>msa config</c>: print the complete experiment configuration a preset (and flags, <c>--set</c>) give, or a preset's commented source.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var arguments = new ConfigArguments();
        var source = new Option<bool>("--source") { Description = "Print the preset file itself, with the table or section each value comes from." };
        var command = new Command("config", "Print a complete experiment configuration (edit it and pass it to msa train --config).");
        arguments.AddTo(command);
        command.Options.Add(source);
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            if (parse.GetValue(source))
            {
                Console.WriteLine(ExperimentPresets.Text(parse.GetValue(arguments.Preset) ?? ExperimentPresets.Fast));
                return CommandErrors.Success;
            }
            Console.WriteLine(ExperimentConfigJson.Write(ExperimentConfigResolver.Resolve(arguments.Overlay(parse))));
            return CommandErrors.Success;
        }));
        return command;
    }
}
