return MsaMl.Cli.MsaCli.Run(args);
