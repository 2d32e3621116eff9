namespace Registry.Bench.Support;

/// <summary>A child process's output, written to a file from the output events; lines after closing are dropped.</summary>
internal sealed class ProcessLog(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path) { AutoFlush = true };
    private readonly Lock _gate = new();
    private bool _closed;

    public void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_closed)
            {
                _writer.WriteLine(line);
            }
        }
    }

    /// <summary>The last <paramref name="lines"/> lines written so far.</summary>
    public string Tail(int lines)
    {
        lock (_gate)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().TrimEnd().Split('\n').TakeLast(lines));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _writer.Dispose();
        }
    }
}
