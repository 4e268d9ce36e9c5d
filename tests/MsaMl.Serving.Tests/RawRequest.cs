using System.Net.Sockets;
using System.Text;

namespace MsaMl.Serving.Tests;

/// <summary>
/// A request written on a raw connection and left incomplete on purpose (a body shorter than announced, or stalled):
/// HttpClient would fail on the connection reset that follows an early answer instead of showing it.
/// </summary>
internal static class RawRequest
{
    /// <summary>Sends <paramref name="head"/> (request line and headers, without the blank line) and <paramref name="body"/>; returns the status line and the rest of the answer.</summary>
    public static async Task<(string Status, string Answer)> SendAsync(Uri service, string head, byte[] body)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(service.Host, service.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\nHost: localhost\r\n\r\n"));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string status = (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)))!;
        return (status, await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
