using System.Text;
using Microsoft.Net.Http.Headers;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Problems;

/// <summary>
/// Refuses, before any endpoint runs, requests the framework or the storage cannot read: an unknown charset, a
/// multipart body without a boundary, a form that does not parse, and NUL characters anywhere in the path, the
/// query or a form field (PostgreSQL cannot store them). One place, so no endpoint meets them as a 500.
/// JSON bodies are checked where they are read (<see cref="JsonInputRules"/>).
/// </summary>
public sealed class RequestGuard(RequestDelegate next)
{
    /// <summary>Checks the request and calls the next middleware only when it is readable.</summary>
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (await FindProblemAsync(context.Request) is { } refusal)
        {
            context.Response.StatusCode = refusal.Status;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = refusal.Status,
                    Title = refusal.Status == 415 ? "Unsupported media type" : "Bad request",
                    Type = Problem.TypeOf(refusal.Status),
                    Detail = refusal.Detail,
                    Extensions = { ["code"] = refusal.Code.Value },
                },
            });
            return;
        }

        await next(context);
    }

    private static async Task<Refusal?> FindProblemAsync(HttpRequest request)
    {
        if (request.Path.Value?.Contains('\0') == true || request.Query.Any(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)))
        {
            return new Refusal(400, ProblemCode.MalformedRequest, "The path or query string contains a NUL character.");
        }

        if (string.IsNullOrEmpty(request.ContentType))
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return new Refusal(415, ProblemCode.UnsupportedMediaType, "The Content-Type header cannot be parsed.");
        }

        if (mediaType.Charset.HasValue && !IsKnownEncoding(mediaType.Charset.Value!))
        {
            return new Refusal(415, ProblemCode.UnsupportedCharset, $"The charset '{mediaType.Charset}' is not supported; send UTF-8.");
        }

        if (mediaType.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length == 0)
        {
            return new Refusal(400, ProblemCode.MalformedRequest, "A multipart body needs a boundary parameter in its Content-Type.");
        }

        return request.HasFormContentType ? await CheckFormAsync(request) : null;
    }

    private static async Task<Refusal?> CheckFormAsync(HttpRequest request)
    {
        IFormCollection form;
        try
        {
            // Buffered by the framework: the endpoint reads the same parsed form again.
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // A truncated or garbled multipart body surfaces as an IOException from the multipart reader.
            return new Refusal(400, ProblemCode.MalformedRequest, $"The form body cannot be read: {exception.Message}");
        }

        return form.Any(f => f.Key.Contains('\0') || f.Value.Any(v => v?.Contains('\0') == true))
            ? new Refusal(400, ProblemCode.MalformedRequest, "A form field contains a NUL character.")
            : null;
    }

    private static bool IsKnownEncoding(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(HeaderUtilities.RemoveQuotes(charset).ToString());
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed record Refusal(int Status, ProblemCode Code, string Detail);
}
