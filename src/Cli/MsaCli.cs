using System.CommandLine;
using MsaMl.Cli.Commands;

namespace MsaMl.Cli;

/// <summary>The <c>msa</c> command line: exit code 0 on success, 1 when a run fails, 2 on bad usage or input.</summary>
public static class MsaCli
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("msa: multimodal sentiment and emotion analysis with ML.NET and TorchSharp.")
        {
            CommandErrors.Verbose,
        };
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(TimelineCommand.Create());
        root.Subcommands.Add(FeaturizeCommand.Create());
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        // No response files: "--text @john ..." is a value, not a file of arguments to read.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        // libtorch's own warnings (NNPACK's, on every convolution of some CPUs) only with --verbose; set on each run, as tests run several in one process.
        MsaMl.Trainers.Native.LibTorchCpuSettings.NativeWarnings = parse.GetValue(CommandErrors.Verbose);
        int code = parse.Invoke();
        // System.CommandLine answers usage errors with 1; scripts get 2 for every bad-usage case.
        return code == 1 && parse.Errors.Count > 0 ? CommandErrors.BadInput : code;
    }
}
