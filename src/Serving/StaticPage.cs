using Microsoft.AspNetCore.Http;

namespace MsaMl.Serving;

/// <summary>The page at <c>/</c> and its script and style, embedded in this assembly; the page may load nothing from elsewhere.</summary>
internal static class StaticPage
{
    /// <summary>Everything the page loads comes from the service; recordings and picked files are blob: URLs.</summary>
    private const string Policy = "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    };

    public static IResult Serve(HttpContext http, string name)
    {
        // Under a route prefix, "/sentiment" would resolve the page's relative URLs against "/": serve it at "/sentiment/".
        if (name == "index.html" && http.Request.Path.Value is { Length: > 0 } path && !path.EndsWith('/'))
            return Results.Redirect($"{http.Request.PathBase}{path}/{http.Request.QueryString}");
        var stream = typeof(StaticPage).Assembly.GetManifestResourceStream("MsaMl.Serving.wwwroot." + name)
            ?? throw new InvalidOperationException($"The embedded file {name} is missing from MsaMl.Serving.");
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Stream(stream, Files[name]);
    }
}
