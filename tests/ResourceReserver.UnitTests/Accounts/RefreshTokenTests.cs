using ResourceReserver.Accounts;

namespace ResourceReserver.UnitTests.Accounts;

public sealed class RefreshTokenTests
{
    [Fact]
    public void A_created_token_parses_back_to_its_user_and_family()
    {
        var (user, family) = (Guid.NewGuid(), Guid.NewGuid());

        var token = RefreshToken.Create(user, family);

        Assert.True(RefreshToken.TryParse(token, out var parsedUser, out var parsedFamily));
        Assert.Equal(user, parsedUser);
        Assert.Equal(family, parsedFamily);
    }

    [Fact]
    public void Tokens_carry_a_url_safe_256_bit_secret_and_are_never_repeated()
    {
        var (user, family) = (Guid.NewGuid(), Guid.NewGuid());
        var tokens = Enumerable.Range(0, 200).Select(_ => RefreshToken.Create(user, family)).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        foreach (var token in tokens)
        {
            var secret = token.Split('.')[2];
            Assert.Equal(43, secret.Length);
            Assert.Matches("^[A-Za-z0-9_-]+$", secret);
        }
    }

    [Fact]
    public void The_hash_is_stable_upper_hex_sha256_and_differs_between_tokens()
    {
        var token = RefreshToken.Create(Guid.NewGuid(), Guid.NewGuid());
        var other = RefreshToken.Create(Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(RefreshToken.Hash(token), RefreshToken.Hash(token));
        Assert.Matches("^[0-9A-F]{64}$", RefreshToken.Hash(token));
        Assert.NotEqual(RefreshToken.Hash(token), RefreshToken.Hash(other));
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", RefreshToken.Hash("abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("..")]
    [InlineData("0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef.short")]
    [InlineData("0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef.extra")]
    [InlineData("not-a-guid-at-all-not-a-guid-at-a.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef")]
    [InlineData("01234567-89ab-cdef-0123-456789abcdef.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef")]
    public void Garbage_is_rejected(string? token)
    {
        Assert.False(RefreshToken.TryParse(token, out var user, out var family));
        Assert.Equal(Guid.Empty, user);
        Assert.Equal(Guid.Empty, family);
    }

    [Fact]
    public void A_tampered_secret_still_parses_but_hashes_differently()
    {
        var token = RefreshToken.Create(Guid.NewGuid(), Guid.NewGuid());
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Assert.True(RefreshToken.TryParse(tampered, out _, out _));
        Assert.NotEqual(RefreshToken.Hash(token), RefreshToken.Hash(tampered));
    }
}
