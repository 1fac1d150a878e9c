using System.Text;

namespace ResourceReserver.Infrastructure.ReadStore;

/// <summary>One page of a cursor-paginated list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>An opaque keyset cursor: the sort key and id of the last item returned.</summary>
public static class Cursor
{
    /// <summary>Encodes a position.</summary>
    public static string Encode(string sortKey, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sortKey}\n{id}"));

    /// <summary>Decodes a position; false for anything we did not produce.</summary>
    public static bool TryDecode(string? cursor, out string sortKey, out string id)
    {
        sortKey = id = "";
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 2048)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('\n');
            if (parts.Length != 2)
            {
                return false;
            }

            (sortKey, id) = (parts[0], parts[1]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
