using BetterCare.Infrastructure;

namespace BetterCare.Infrastructure.Tests;

public class StorageSettingsTests
{
    [Fact]
    public void IdentityBasedSettingsReachTheAccountsEndpointsWithoutAKey()
    {
        var clients = StorageClients.FromSettings(null, new Dictionary<string, string?>
        {
            ["accountName"] = "stbettercare",
            ["credential"] = "managedidentity",
            ["clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal(new Uri("https://stbettercare.blob.core.windows.net/"), clients.Blobs.Uri);
        Assert.Equal(new Uri("https://stbettercare.table.core.windows.net/"), clients.Tables.Uri);
        Assert.False(clients.Blobs.CanGenerateAccountSasUri);
    }

    [Fact]
    public void ServiceUrisOverrideTheAccountName()
    {
        var clients = StorageClients.FromSettings(null, new Dictionary<string, string?>
        {
            ["blobServiceUri"] = "https://blobs.example.net",
            ["queueServiceUri"] = "https://queues.example.net",
            ["tableServiceUri"] = "https://tables.example.net",
        });

        Assert.Equal("blobs.example.net", clients.Blobs.Uri.Host);
        Assert.Equal("tables.example.net", clients.Tables.Uri.Host);
    }

    [Fact]
    public void WithoutSettingsTheLocalEmulatorIsUsed()
    {
        var clients = StorageClients.FromSettings(null, new Dictionary<string, string?>());

        Assert.Equal("127.0.0.1", clients.Blobs.Uri.Host);
        Assert.Equal(10000, clients.Blobs.Uri.Port);
        Assert.Equal(10002, clients.Tables.Uri.Port);
        Assert.True(clients.Blobs.CanGenerateAccountSasUri);
    }
}
