namespace ResourceReserver.ApiTests.Fixtures;

/// <summary>All API tests share one host: starting a silo per test would dominate the run time.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
