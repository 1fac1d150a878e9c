using System.Text.Json;
using ResourceReserver.Cli.Hosting;

namespace ResourceReserver.Cli.Sessions;

/// <summary><c>$XDG_CONFIG_HOME/resource-reserver</c> (default <c>~/.config/resource-reserver</c>) and the files in it.</summary>
public sealed class ConfigDirectory(CliContext context)
{
    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The directory.</summary>
    public string Path { get; } = System.IO.Path.Combine(
        context.Environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : System.IO.Path.Combine(context.Environment("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".config"),
        "resource-reserver");

    /// <summary>The settings file (<c>config.json</c>).</summary>
    public string SettingsFile => System.IO.Path.Combine(Path, "config.json");

    /// <summary>The credentials file (<c>credentials.json</c>, mode 0600).</summary>
    public string CredentialsFile => System.IO.Path.Combine(Path, "credentials.json");

    /// <summary>Reads a JSON file, or null when there is none.</summary>
    public T? Read<T>(string file)
        where T : class
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(file), FileJson);
        }
        catch (JsonException exception)
        {
            throw CliException.Usage($"{file} is not valid JSON ({exception.Message}); fix or delete it.");
        }
    }

    /// <summary>Writes a JSON file readable by its owner only (0600), replacing it atomically.</summary>
    public void Write<T>(string file, T value)
    {
        Directory.CreateDirectory(Path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var temporary = file + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, value, FileJson);
        }

        if (!OperatingSystem.IsWindows())
        {
            // A pre-existing temp file keeps its mode on create: set it again before it becomes the real file.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, file, overwrite: true);
    }
}
