using Microsoft.AspNetCore.Http;

namespace MsaMl.Serving.Requests;

/// <summary>A request the service refuses: its HTTP status, the field at fault (null for the request as a whole) and what was expected.</summary>
public sealed class RequestError(int status, string? field, string message) : Exception(message)
{
    /// <summary>The HTTP status (4xx for a bad request, 503 when the service is busy or too slow).</summary>
    public int Status { get; } = status;

    /// <summary>The field at fault ("text", "audio", "image", "rows[2].audio", "body"), or null.</summary>
    public string? Field { get; } = field;

    /// <summary>The JSON answer: <c>{ "status", "field", "error" }</c>.</summary>
    public IResult ToResult() => ErrorBody.Result(Status, Field, Message);
}
