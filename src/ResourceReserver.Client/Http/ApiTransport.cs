using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client.Http;

/// <summary>Sends requests under <c>/api/v1</c> and turns answers into values or <see cref="ApiProblemException"/>.</summary>
public sealed class ApiTransport(HttpClient http)
{
    /// <summary>The underlying client (its base address is the server).</summary>
    public HttpClient Http => http;

    /// <summary>Sends a request and reads a JSON answer.</summary>
    public async Task<ApiResponse<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct, IDictionary<string, string>? headers = null)
    {
        var (status, text) = await SendRawAsync(method, path, body, ct, headers);
        var value = text.Length == 0 ? default! : JsonSerializer.Deserialize<T>(text, ApiJson.Options)!;
        return new ApiResponse<T>(value, text, status);
    }

    /// <summary>Sends a request and returns the status and body text (for answers without a JSON body, or not JSON at all).</summary>
    public async Task<(int Status, string Body)> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken ct, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is HttpContent content)
        {
            request.Content = content;
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiProblemException((int)response.StatusCode, ReadProblem(text, (int)response.StatusCode), text);
        }

        return ((int)response.StatusCode, text);
    }

    /// <summary>Sends a GET and copies the answer's body to <paramref name="destination"/> as it arrives; returns the bytes copied.</summary>
    public async Task<long> StreamAsync(string path, Stream destination, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new ApiProblemException((int)response.StatusCode, ReadProblem(text, (int)response.StatusCode), text);
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            copied += read;
        }

        await destination.FlushAsync(ct);
        return copied;
    }

    /// <summary>A path with a query string of the given non-null values.</summary>
    public static string Path(string path, params (string Name, string? Value)[] query)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return builder.ToString();
    }

    /// <summary>An instant as the API reads it in a query string.</summary>
    public static string? Instant(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static ProblemView ReadProblem(string text, int status)
    {
        try
        {
            if (JsonSerializer.Deserialize<ProblemView>(text, ApiJson.Options) is { Code: not null } problem)
            {
                return problem;
            }
        }
        catch (JsonException)
        {
            // A problem whose errors are a list (the CSV import's rows) still has its code and detail; anything else that
            // is not a problem document (a proxy's HTML page, say) is described below from the status alone.
            if (ProblemWithListErrors(text, status) is { } listed)
            {
                return listed;
            }
        }

        return new ProblemView { Status = status, Code = $"http_{status}", Detail = text.Length is > 0 and <= 200 ? text : $"The server answered {status}." };
    }

    private static ProblemView? ProblemWithListErrors(string text, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            return Text("code") is { } code ? new ProblemView { Status = status, Code = code, Title = Text("title"), Detail = Text("detail") } : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
