using System.CommandLine;
using QRCoder;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Sessions;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr mfa setup | enable &lt;code&gt; | disable | backup-codes</c>: your authenticator-app second factor.</summary>
public static class MfaCommands
{
    /// <summary>The <c>mfa</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var code = Arg("code", "The 6 digits your authenticator shows");
        var disableCode = Opt<string>("--code", "A current code (or a backup code)");
        disableCode.Required = true;
        var passwordStdin = Opt<bool>("--password-stdin", "Read the password from the first line of standard input");
        var backupCode = Opt<string>("--code", "A current code");
        backupCode.Required = true;
        return Command(
            "mfa",
            "Two-factor sign-in with an authenticator app (TOTP)",
            kit.Run(Command("setup", "Start: prints the QR code to scan, the secret and ten backup codes (shown once)"), AuthMode.Required, async inv =>
            {
                var answer = await inv.Api.Access.MfaSetupAsync(inv.Ct);
                inv.Print.Result(answer.Body, console =>
                {
                    using var qr = QRCodeGenerator.GenerateQrCode(answer.Value.OtpauthUri, QRCodeGenerator.ECCLevel.L);
                    console.WriteLine(new AsciiQRCode(qr).GetGraphicSmall());
                    console.MarkupLine($"[bold]Secret[/]  [yellow]{E(answer.Value.Secret)}[/]");
                    console.MarkupLine("[bold]Backup codes[/] (each works once; keep them somewhere safe):");
                    foreach (var backup in answer.Value.BackupCodes)
                    {
                        console.MarkupLine($"  [yellow]{E(backup)}[/]");
                    }
                });
                inv.Print.Note("Scan the QR code (or type the secret) in your authenticator app, then run: rr mfa enable <code>");
            }),
            kit.Run(Command("enable", "Turn MFA on with a current code", code), AuthMode.Required, async inv =>
            {
                await inv.Api.Access.MfaEnableAsync(inv.Get(code)!, inv.Ct);
                inv.Print.Result("{}", _ => { });
                inv.Print.Done("MFA is on: sign in with rr auth login --mfa-code <code> from now on");
            }),
            kit.Run(Command("disable", "Turn MFA off (needs your password and a code)", disableCode, passwordStdin), AuthMode.Required, async inv =>
            {
                var password = AuthCommands.Password(inv, inv.Get(passwordStdin), confirm: false);
                await inv.Api.Access.MfaDisableAsync(password, inv.Get(disableCode)!, inv.Ct);
                inv.Print.Result("{}", _ => { });
                inv.Print.Done("MFA is off");
            }),
            kit.Run(Command("backup-codes", "Replace your backup codes (the old ones stop working)", backupCode), AuthMode.Required, async inv =>
            {
                var answer = await inv.Api.Access.MfaBackupCodesAsync(inv.Get(backupCode)!, inv.Ct);
                inv.Print.Result(answer.Body, console =>
                {
                    foreach (var backup in answer.Value.BackupCodes)
                    {
                        console.MarkupLine($"[yellow]{E(backup)}[/]");
                    }
                });
                inv.Print.Note("The previous backup codes no longer work.");
            }));
    }
}
