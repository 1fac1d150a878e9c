using System.Text.Json.Nodes;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Cli.Output;

/// <summary>Walks cursor-paginated lists, keeping every item's JSON exactly as the API wrote it.</summary>
public static class Pages
{
    /// <summary>One page, or every page with <paramref name="all"/>; <paramref name="onPage"/> sees progress.</summary>
    public static async Task<Collected<T>> CollectAsync<T>(
        Func<string?, Task<ApiResponse<Page<T>>>> fetch, bool all, Action<int>? onPage = null)
    {
        var first = await fetch(null);
        if (!all || first.Value.NextCursor is null)
        {
            return new Collected<T>(first.Value.Items.ToList(), first.Body, first.Value.NextCursor);
        }

        var items = first.Value.Items.ToList();
        var raw = RawItems(first.Body);
        var cursor = first.Value.NextCursor;
        while (cursor is not null)
        {
            onPage?.Invoke(items.Count);
            var page = await fetch(cursor);
            items.AddRange(page.Value.Items);
            foreach (var node in RawItems(page.Body))
            {
                raw.Add(node!.DeepClone());
            }

            cursor = page.Value.NextCursor;
        }

        return new Collected<T>(items, new JsonObject { ["items"] = raw, ["nextCursor"] = null }.ToJsonString(), null);
    }

    /// <summary>The list's JSON with only the items at the given positions (client-side filters keep the API's item JSON).</summary>
    public static string Filter(string body, IReadOnlyList<int> keep)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        var items = root["items"]!.AsArray();
        var kept = new JsonArray();
        foreach (var index in keep)
        {
            kept.Add(items[index]!.DeepClone());
        }

        root["items"] = kept;
        return root.ToJsonString();
    }

    private static JsonArray RawItems(string body) => JsonNode.Parse(body)!["items"]!.AsArray().DeepClone().AsArray();
}

/// <summary>Items of one or more pages, the JSON of them, and the cursor of what is left.</summary>
public sealed record Collected<T>(IReadOnlyList<T> Items, string Body, string? NextCursor);
