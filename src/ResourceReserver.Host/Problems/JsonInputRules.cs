using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ResourceReserver.Host.Problems;

/// <summary>
/// What every JSON body must satisfy beyond its shape, enforced where bodies are deserialised so no handler
/// meets it: no NUL characters in text, and no <c>null</c> inside a list or map whose elements are declared
/// non-nullable (<c>"events": [null]</c>). A violation is a <see cref="JsonException"/>, answered 400.
/// </summary>
public static class JsonInputRules
{
    /// <summary>Adds the rules to the API's serializer options.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new NulFreeStringConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RefuseNullElements);
    }

    private static void RefuseNullElements(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("ResourceReserver", StringComparison.Ordinal) != true)
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        var guarded = info.Properties
            .Where(p => p.AttributeProvider is PropertyInfo property && HasNonNullableElements(nullability.Create(property)))
            .Select(p => (p.Name, Get: p.Get!))
            .Where(p => p.Get is not null)
            .ToList();
        if (guarded.Count == 0)
        {
            return;
        }

        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var (name, get) in guarded)
            {
                if (get(value) is IEnumerable items && ContainsNull(items))
                {
                    throw new JsonException($"'{name}' must not contain null.", $"$.{name}", null, null);
                }
            }
        };
    }

    private static bool HasNonNullableElements(NullabilityInfo property)
    {
        if (property.Type == typeof(string))
        {
            return false;
        }

        // Arrays expose their element; generic lists their only argument; dictionaries their value (the last).
        var element = property.ElementType ?? (property.GenericTypeArguments.Length > 0 && typeof(IEnumerable).IsAssignableFrom(property.Type)
            ? property.GenericTypeArguments[^1]
            : null);
        return element is { ReadState: NullabilityState.NotNull } && !element.Type.IsValueType;
    }

    private static bool ContainsNull(IEnumerable items) =>
        (items is IDictionary map ? map.Values : items).Cast<object?>().Any(item => item is null);

    /// <summary>Reads strings as usual but refuses NUL characters, which no field needs and PostgreSQL cannot store.</summary>
    private sealed class NulFreeStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString());

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString())!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);

        private static string? Checked(string? value) =>
            value?.Contains('\0') == true ? throw new JsonException("Text must not contain NUL characters.") : value;
    }
}
