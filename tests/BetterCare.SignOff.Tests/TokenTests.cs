using BetterCare.Pipeline.SignOff;

namespace BetterCare.SignOff.Tests;

public class TokenTests
{
    private static readonly DateTimeOffset Now = new(2017, 10, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly SignOffTokens Tokens = SignOffTokens.FromSetting(SignOffApp.TokenKey);
    private static readonly SignOffClaims Claims = new("s0123456789abcdef01234567", "g0011223344556677", Now.AddDays(28), SignOffTokens.NewNonce());

    [Fact]
    public void AnIssuedTokenReadsBackItsClaims()
    {
        Assert.Equal(TokenCheck.Valid, Tokens.Read(Tokens.Issue(Claims), Now, out var claims));
        Assert.Equal(Claims, claims);
    }

    [Fact]
    public void ATamperedSignatureIsRefused()
    {
        var token = Tokens.Issue(Claims);
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        Assert.Equal(TokenCheck.Forged, Tokens.Read(flipped, Now, out _));
    }

    [Fact]
    public void ATokenReSignedForAnotherSubmissionOrWithAnotherKeyIsRefused()
    {
        var token = Tokens.Issue(Claims);
        var otherSubmission = Tokens.Issue(Claims with { SubmissionId = "s99999999999999999999999a" });
        var swapped = otherSubmission.Split('.')[0] + "." + token.Split('.')[1];
        var otherKey = SignOffTokens.FromSetting("another-key-that-is-long-enough-to-be-used-here").Issue(Claims);

        Assert.Equal(TokenCheck.Forged, Tokens.Read(swapped, Now, out _));
        Assert.Equal(TokenCheck.Forged, Tokens.Read(otherKey, Now, out _));
    }

    [Fact]
    public void AnExpiredTokenIsRefused()
    {
        Assert.Equal(TokenCheck.Expired, Tokens.Read(Tokens.Issue(Claims), Claims.ExpiresAt, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void GarbageIsRefused(string token)
    {
        Assert.Equal(TokenCheck.Forged, Tokens.Read(token, Now, out _));
    }
}
