namespace BetterCare.Returns.Tests.Reading;

/// <summary>encrypted.xlsx and encrypted.xls are the clean return saved with a password (tools/BetterCare.Fixtures/README.md).</summary>
public class EncryptedWorkbookTests
{
    [Theory]
    [InlineData("encrypted.xlsx")]
    [InlineData("encrypted.xls")]
    public void PasswordProtectedWorkbookIsRefusedAskingForThePasswordToBeRemoved(string file) =>
        Refused.Once(file, "password-protected or encrypted", "remove the password");
}
