using System.Xml.Linq;
using Azure.Storage.Blobs;
using BetterCare.Infrastructure;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace BetterCare.App.Auth;

/// <summary>
/// Data Protection's key ring kept as blobs in the app's storage account (container
/// <see cref="Container"/>), so that every instance of the app (Functions scales out) and every
/// restart reads the same keys: a session cookie or anti-forgery token made by one is good on all.
/// </summary>
public sealed class BlobKeyRing(StorageClients storage) : IXmlRepository
{
    public const string Container = "dataprotection-keys";

    private BlobContainerClient? _container;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var container = ContainerClient();
        var elements = new List<XElement>();
        foreach (var blob in container.GetBlobs())
        {
            var content = container.GetBlobClient(blob.Name).DownloadContent().Value.Content;
            elements.Add(XElement.Parse(content.ToString()));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = new string([.. friendlyName.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]);
        ContainerClient().GetBlobClient($"{(name.Length == 0 ? Guid.NewGuid().ToString("N") : name)}.xml")
            .Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: true);
    }

    private BlobContainerClient ContainerClient()
    {
        if (_container is null)
        {
            var container = storage.Blobs.GetBlobContainerClient(Container);
            container.CreateIfNotExists();
            _container = container;
        }

        return _container;
    }
}
