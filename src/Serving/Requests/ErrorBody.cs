using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace MsaMl.Serving.Requests;

/// <summary>The JSON body of every refused request: the status, the field at fault and what was expected; never a stack trace.</summary>
public sealed record ErrorBody(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("error")] string Error)
{
    /// <summary>An <see cref="IResult"/> writing the body with <paramref name="status"/>.</summary>
    public static IResult Result(int status, string? field, string error) =>
        Results.Json(new ErrorBody(status, field, error), ServingJson.Options, statusCode: status);
}
