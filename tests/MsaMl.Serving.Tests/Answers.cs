using System.Net;
using System.Text.Json;

namespace MsaMl.Serving.Tests;

/// <summary>Reading the service's answers in tests.</summary>
internal static class Answers
{
    /// <summary>The JSON of a 200 answer (the body in the failure message otherwise).</summary>
    public static async Task<JsonElement> OkJson(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Checks a refused request: the expected 4xx status, a JSON body { status, field, error } naming <paramref name="field"/>,
    /// an error containing <paramref name="says"/>, and no stack trace. Returns the error message.
    /// </summary>
    public static async Task<string> Refused(HttpResponseMessage response, int status, string? field, string says)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.Equal(field, json.GetProperty("field").GetString());
        string error = json.GetProperty("error").GetString()!;
        Assert.Contains(says, error);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        return error;
    }

    /// <summary>The class probabilities of a prediction, in the answer's order.</summary>
    public static Dictionary<string, float> Scores(JsonElement prediction) =>
        prediction.GetProperty("scores").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetSingle());
}
