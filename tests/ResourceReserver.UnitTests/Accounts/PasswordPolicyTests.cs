using ResourceReserver.Accounts;

namespace ResourceReserver.UnitTests.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Sturdy#Pass9")]
    [InlineData("aB3$efgh")]
    [InlineData("Ünïcødé-Pässw0rd")]
    public void Strong_passwords_pass(string password) => Assert.Empty(PasswordPolicy.Check(password, "alice"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("aB3$efg")]
    public void Passwords_shorter_than_eight_are_refused_with_only_the_length_rule(string? password)
    {
        var problem = Assert.Single(PasswordPolicy.Check(password, "alice"));
        Assert.Contains("between 8 and 128", problem);
    }

    [Fact]
    public void Passwords_longer_than_128_are_refused_and_128_is_fine()
    {
        var body = "aB3$" + new string('x', 124);

        Assert.Empty(PasswordPolicy.Check(body, null));
        Assert.Single(PasswordPolicy.Check(body + "x", null));
    }

    [Theory]
    [InlineData("lowercase1$", "upper-case")]
    [InlineData("UPPERCASE1$", "lower-case")]
    [InlineData("NoDigitsHere$", "digit")]
    [InlineData("NoSymbols123", "symbol")]
    public void Each_missing_character_class_is_named(string password, string expected)
    {
        var problem = Assert.Single(PasswordPolicy.Check(password, null));
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Every_broken_rule_is_reported_together() =>
        Assert.Equal(3, PasswordPolicy.Check("abcdefghij", null).Count);

    [Theory]
    [InlineData("Alice")]
    [InlineData("ALICE")]
    public void A_password_containing_the_username_in_any_case_is_refused(string username)
    {
        var problem = Assert.Single(PasswordPolicy.Check("My#alice#Pass1", username));
        Assert.Contains("username", problem);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("Alice_Smith-2")]
    [InlineData("a1_")]
    public void Usernames_of_3_to_50_letters_digits_underscores_and_dashes_are_accepted(string username) =>
        Assert.Null(PasswordPolicy.CheckUsername(username));

    [Fact]
    public void A_username_of_exactly_50_characters_is_accepted_and_51_is_not()
    {
        Assert.Null(PasswordPolicy.CheckUsername(new string('a', 50)));
        Assert.NotNull(PasswordPolicy.CheckUsername(new string('a', 51)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("dot.name")]
    [InlineData("émile")]
    [InlineData("semi;colon")]
    [InlineData("bob\n")]
    [InlineData("alice\n")]
    public void Other_usernames_are_refused(string? username) => Assert.NotNull(PasswordPolicy.CheckUsername(username));
}
