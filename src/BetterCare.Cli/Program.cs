using BetterCare.Cli;

return BcfCommand.Run(args, Console.Out, Console.Error);
