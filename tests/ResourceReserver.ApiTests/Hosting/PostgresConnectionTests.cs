using Npgsql;
using ResourceReserver.Host.Hosting;

namespace ResourceReserver.ApiTests.Hosting;

/// <summary>The PostgreSQL pools are bounded by default, and an operator's own bound is kept as written.</summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_default_bound()
    {
        var capped = PostgresConnection.WithPoolCap("Host=db;Username=reserver;Password=secret;Database=reserver", 20);

        var parsed = new NpgsqlConnectionStringBuilder(capped);
        Assert.Equal(20, parsed.MaxPoolSize);
        Assert.Equal("db", parsed.Host);
        Assert.Equal("secret", parsed.Password);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=7")]
    [InlineData("Host=db;MaxPoolSize=7")]
    public void An_explicit_pool_size_is_kept(string connectionString)
    {
        Assert.Equal(connectionString, PostgresConnection.WithPoolCap(connectionString, 20));
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(PostgresConnection.WithPoolCap(connectionString, 20)).MaxPoolSize);
    }

    [Fact]
    public void Zero_leaves_the_connection_string_alone()
    {
        Assert.Equal("Host=db", PostgresConnection.WithPoolCap("Host=db", 0));
    }

    [Fact]
    public void Pooled_connections_are_not_reset_unless_the_operator_says_so()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.WithoutReset("Host=db"));
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal("Host=db;No Reset On Close=false", PostgresConnection.WithoutReset("Host=db;No Reset On Close=false"));
    }
}
