using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BetterCare.Testing;

/// <summary>
/// A real Azurite (from the repository's node_modules, pinned in package.json) on free loopback
/// ports with throwaway data. One emulator runs per test process, started on first use and
/// stopped when the process ends; each <see cref="StartAsync"/> hands out a storage account of
/// its own on it, so tests are as isolated as with an emulator each, without paying for one each.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const int Accounts = 300;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Emulator? _shared;
    private static int _handedOut;

    private readonly Emulator _emulator;

    private Azurite(Emulator emulator, string account)
    {
        _emulator = emulator;
        Account = account;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{emulator.Blob}/{account};QueueEndpoint=http://127.0.0.1:{emulator.Queue}/{account};" +
            $"TableEndpoint=http://127.0.0.1:{emulator.Table}/{account};";
    }

    /// <summary>The storage account this handle owns on the shared emulator.</summary>
    public string Account { get; }

    public string ConnectionString { get; }

    /// <summary>The CPU time the emulator has used so far (for a benchmark to say where its time went).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var process in _emulator.Processes)
            {
                process.Refresh();
                total += process.TotalProcessorTime;
            }

            return total;
        }
    }

    /// <summary>A fresh, empty storage account on this process's emulator (started on first call).</summary>
    public static async Task<Azurite> StartAsync()
    {
        var emulator = await SharedAsync().ConfigureAwait(false);
        var n = Interlocked.Increment(ref _handedOut);
        if (n > Accounts)
        {
            throw new InvalidOperationException($"All {Accounts} test storage accounts are in use; raise Azurite.Accounts.");
        }

        return new Azurite(emulator, AccountName(n));
    }

    /// <summary>The account's data goes with the emulator when the test process ends.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string AccountName(int n) => "test" + n.ToString("D3", CultureInfo.InvariantCulture);

    private static async Task<Emulator> SharedAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_shared is { HasExited: false } running)
            {
                return running;
            }

            _shared = await Emulator.StartAsync(Enumerable.Range(1, Accounts).Select(AccountName), AccountKey).ConfigureAwait(false);
            var started = _shared;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => started.Stop();
            return started;
        }
        finally
        {
            Gate.Release();
        }
    }

    private sealed class Emulator
    {
        private Emulator(IReadOnlyList<Process> processes, string location, int blob, int queue, int table)
        {
            Processes = processes;
            Location = location;
            Blob = blob;
            Queue = queue;
            Table = table;
        }

        /// <summary>One process per service: blob, queue, table.</summary>
        public IReadOnlyList<Process> Processes { get; }

        public bool HasExited => Processes.Any(p => p.HasExited);

        public string Location { get; }

        public int Blob { get; }

        public int Queue { get; }

        public int Table { get; }

        /// <summary>
        /// Each service in a process of its own. Blobs and queues keep their data in files under a
        /// throwaway folder: in memory Azurite keeps each blob and each queue message as an extent of
        /// its own, and its collector removes the unused ones one at a time at a cost that grows with
        /// how many there are, holding the whole process meanwhile (5,000 took 22 s on this machine),
        /// which a busy test process reaches within minutes. On disk many go in one file. Tables have
        /// no extents and stay in memory.
        /// </summary>
        public static async Task<Emulator> StartAsync(IEnumerable<string> accounts, string key)
        {
            var location = Directory.CreateTempSubdirectory("azurite-").FullName;
            var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
            var accountList = string.Join(';', accounts.Select(a => $"{a}:{key}"));
            var processes = new List<Process>();
            var emulator = new Emulator(processes, location, blob, queue, table);
            try
            {
                processes.Add(Start("blob", blob, accountList, location, Path.Combine(location, "blob")));
                processes.Add(Start("queue", queue, accountList, location, Path.Combine(location, "queue")));
                processes.Add(Start("table", table, accountList, location, dataFolder: null));
                var deadline = DateTime.UtcNow.AddSeconds(60);
                foreach (var port in new[] { blob, queue, table })
                {
                    while (!await Listening(port).ConfigureAwait(false))
                    {
                        if (emulator.HasExited || DateTime.UtcNow > deadline)
                        {
                            throw new InvalidOperationException($"Azurite did not start listening on port {port}.");
                        }

                        await Task.Delay(100).ConfigureAwait(false);
                    }
                }
            }
            catch
            {
                emulator.Stop();
                throw;
            }

            return emulator;
        }

        /// <param name="dataFolder">Where the service keeps its data; null keeps it in memory.</param>
        private static Process Start(string service, int port, string accounts, string workingDirectory, string? dataFolder)
        {
            var start = new ProcessStartInfo(FindExecutable("azurite-" + service))
            {
                ArgumentList =
                {
                    "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
                    $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(CultureInfo.InvariantCulture),
                },
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (dataFolder is null)
            {
                start.ArgumentList.Add("--inMemoryPersistence");
            }
            else
            {
                Directory.CreateDirectory(dataFolder);
                start.ArgumentList.Add("--location");
                start.ArgumentList.Add(dataFolder);
            }

            // Azurite serves every account named here (name:key;...), each with its own containers, queues and tables.
            start.Environment["AZURITE_ACCOUNTS"] = accounts;
            var process = Process.Start(start) ?? throw new InvalidOperationException($"Azurite's {service} service did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Watch(process.Id);
            return process;
        }

        /// <summary>
        /// Stops the emulator once this process is gone, however it ends: a test host that is
        /// killed never runs its exit handlers, and the emulator must not outlive it. Killed
        /// outright, as its data is thrown away: the table service, asked to stop, stayed.
        /// </summary>
        private static void Watch(int emulatorId)
        {
            var watcher = new ProcessStartInfo("/bin/sh")
            {
                ArgumentList =
                {
                    "-c",
                    string.Create(CultureInfo.InvariantCulture, $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; kill -9 {emulatorId} 2>/dev/null"),
                },
                UseShellExecute = false,
            };
            using var started = Process.Start(watcher);
        }

        public void Stop()
        {
            foreach (var process in Processes)
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                        process.WaitForExit(5000);
                    }
                }
                catch (InvalidOperationException)
                {
                }
            }

            try
            {
                Directory.Delete(Location, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string FindExecutable(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Azurite is not installed: run 'npm ci' at the repository root (scripts/test does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
