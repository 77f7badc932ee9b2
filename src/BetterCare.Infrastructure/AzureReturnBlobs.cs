using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BetterCare.Pipeline.Ports;

namespace BetterCare.Infrastructure;

/// <summary>The inbox, archive and reports containers on Azure Blob Storage.</summary>
public sealed class AzureReturnBlobs : IReturnBlobs
{
    // Blob metadata is ASCII: the values are escaped as in a URI.
    public const string UploaderMetadata = "uploader";
    public const string FileNameMetadata = "filename";

    private readonly BlobContainerClient _inbox;
    private readonly BlobContainerClient _archive;
    private readonly BlobContainerClient _reports;

    public AzureReturnBlobs(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _inbox = clients.Blobs.GetBlobContainerClient(StorageNames.InboxContainer);
        _archive = clients.Blobs.GetBlobContainerClient(StorageNames.ArchiveContainer);
        _reports = clients.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer);
    }

    public async Task<string> PutInboxAsync(string name, ReadOnlyMemory<byte> content, InboxUpload? upload, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            Metadata = upload is null ? null : new Dictionary<string, string>
            {
                [UploaderMetadata] = Uri.EscapeDataString(upload.Uploader),
                [FileNameMetadata] = Uri.EscapeDataString(upload.FileName),
            },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        var info = await _inbox.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
        return info.Value.ETag.ToString();
    }

    public async Task<IReadOnlyList<InboxBlob>> ListInboxAsync(CancellationToken cancellationToken)
    {
        var blobs = new List<InboxBlob>();
        await foreach (var item in _inbox.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: null, cancellationToken).ConfigureAwait(false))
        {
            blobs.Add(new InboxBlob(
                item.Name,
                item.Properties.ETag?.ToString() ?? string.Empty,
                item.Properties.LastModified ?? DateTimeOffset.MinValue,
                item.Properties.ContentLength ?? 0,
                UploadOf(item.Metadata)));
        }

        return blobs;
    }

    /// <summary>Who uploaded a blob, from its metadata; null for a blob not put there by the API.</summary>
    public static InboxUpload? UploadOf(IDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.TryGetValue(UploaderMetadata, out var uploader) && metadata.TryGetValue(FileNameMetadata, out var fileName)
            ? new InboxUpload(Uri.UnescapeDataString(uploader), Uri.UnescapeDataString(fileName))
            : null;
    }

    public async Task<byte[]?> ReadInboxAsync(string name, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _inbox.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await using var stream = response.Value.Content;
            return await ReadBoundedAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteInboxAsync(string name, CancellationToken cancellationToken) =>
        await _inbox.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task PutArchiveAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        try
        {
            var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            await _archive.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Archived by an earlier delivery of the same step: the path names the submission, so it is the same file.
        }
    }

    public async Task<byte[]?> ReadArchiveAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _archive.GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task PutReportAsync(string path, string json, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } };
        await _reports.GetBlobClient(path).UploadAsync(BinaryData.FromString(json), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> ReadReportAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _reports.GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return response.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            var room = maxBytes + 1 - buffer.Length;
            buffer.Write(chunk, 0, (int)Math.Min(n, room));
            if (buffer.Length > maxBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }
}
