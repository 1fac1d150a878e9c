using ResourceReserver.Accounts;

namespace ResourceReserver.UnitTests.Accounts;

public sealed class CommonPasswordTests
{
    [Fact]
    public void The_shipped_list_holds_the_ten_thousand_most_common_passwords() => Assert.Equal(10_000, CommonPasswords.Count);

    [Theory]
    [InlineData("Password1!")]
    [InlineData("PASSWORD1!")]
    [InlineData("Qwerty123!")]
    [InlineData("Iloveyou1#")]
    [InlineData("Monkey2024$")]
    [InlineData("Football!!")]
    public void Passwords_on_the_list_are_refused_even_when_dressed_up_for_the_character_rules(string password)
    {
        Assert.True(CommonPasswords.Contains(password));
        Assert.Contains(PasswordPolicy.Check(password, "alice"), p => p.Contains("most common"));
    }

    [Theory]
    [InlineData("Str0ng-Passw0rd!")]
    [InlineData("Sturdy#Pass9")]
    [InlineData("Wrong#Pass1")]
    public void Uncommon_passwords_pass(string password) => Assert.False(CommonPasswords.Contains(password));
}
