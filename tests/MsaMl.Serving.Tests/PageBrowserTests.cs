using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MsaMl.Serving.Tests;

/// <summary>
/// The page at <c>/</c> in headless Chromium: in its test mode (<c>?auto=1&amp;audio=...</c>) it fetches a recording from
/// the service, posts it as a person's pick would be, and shows the label and the bars; both must equal the API's answer.
/// A screenshot of the page is written next to the test assembly (serve-page.png). Chromium is driven over the DevTools
/// Protocol and waits for the page to mark itself done, so slow decoding or scoring is waited for, not raced.
/// </summary>
[Collection(ServedCollection.Name)]
public sealed partial class PageBrowserTests(TrainedBundles bundles)
{
    [ChromiumFact]
    public async Task ThePageShowsTheApisPredictionForARecording()
    {
        string wav = RepositoryPaths.TwoWavs()[1];
        await using var app = await ServedApp.StartAsync(bundles.Audio, configure: web =>
            web.MapGet("/test-files/recording.wav", () => Results.File(wav, "audio/wav")));
        var api = await Answers.OkJson(await app.PostFormAsync("predict", ("audio", null, wav)));
        var page = new Uri(app.BaseAddress, "?auto=1&audio=test-files/recording.wav");

        await using var chromium = await HeadlessChromium.StartAsync();
        string dom = await chromium.OpenAsync(page);

        Assert.Contains("data-state=\"done\"", dom);
        Assert.Matches("<p id=\"error\" role=\"alert\" hidden=\"\">\\s*</p>", dom);
        Assert.Equal(api.GetProperty("label").GetString(), LabelShown().Match(dom).Groups[1].Value);
        var bars = Bar().Matches(dom).ToDictionary(m => m.Groups[1].Value, m => float.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Answers.Scores(api), bars);
        Assert.Contains("Modalities used: audio", dom);

        string png = Path.Combine(AppContext.BaseDirectory, "serve-page.png");
        await chromium.ScreenshotAsync(png);
        Assert.True(new FileInfo(png).Length > 1000, "the screenshot is empty");
    }

    [ChromiumFact(ffmpeg: true)]
    public async Task ThePageTurnsAWebmRecordingIntoWavAsItDoesForMediaRecorder()
    {
        // MediaRecorder gives WebM/Opus; the page decodes it and posts 16-bit WAV, which the service reads.
        string webm = Path.Combine(bundles.Folder, "recording.webm");
        var ffmpeg = System.Diagnostics.Process.Start(ChromiumFactAttribute.Ffmpeg, ["-loglevel", "error", "-y", "-i", RepositoryPaths.TwoWavs()[0], "-c:a", "libopus", webm])!;
        Assert.True(ffmpeg.WaitForExit(TimeSpan.FromSeconds(60)) && ffmpeg.ExitCode == 0, "ffmpeg could not make the WebM recording");
        await using var app = await ServedApp.StartAsync(bundles.Audio, configure: web =>
            web.MapGet("/test-files/recording.webm", () => Results.File(webm, "audio/webm")));

        await using var chromium = await HeadlessChromium.StartAsync();
        string dom = await chromium.OpenAsync(new Uri(app.BaseAddress, "?auto=1&audio=test-files/recording.webm"));

        Assert.Contains("data-state=\"done\"", dom);
        Assert.Matches("<p id=\"error\" role=\"alert\" hidden=\"\">\\s*</p>", dom);
        Assert.Contains(LabelShown().Match(dom).Groups[1].Value, app.Model.Classes);
        Assert.Equal(app.Model.Classes.Count, Bar().Matches(dom).Count);
        Assert.Contains("Modalities used: audio", dom);
    }

    [GeneratedRegex("<strong id=\"result-label\">([^<]*)</strong>")]
    private static partial Regex LabelShown();

    [GeneratedRegex("<li data-class=\"([^\"]+)\" data-probability=\"([^\"]+)\"")]
    private static partial Regex Bar();
}
