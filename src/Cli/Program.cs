using System.CommandLine;
using MsaMl.Cli.Commands;

var root = new RootCommand("msa: multimodal sentiment and emotion analysis with ML.NET and TorchSharp.")
{
    CommandErrors.Verbose,
};
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(InfoCommand.Create());
return root.Parse(args).Invoke();
