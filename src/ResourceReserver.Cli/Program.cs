using ResourceReserver.Cli.Hosting;

return await RrApp.RunAsync(args, CliContext.FromProcess());
