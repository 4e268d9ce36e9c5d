using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsaMl.Datasets;
using MsaMl.Transforms.Core;

namespace MsaMl.Serving.Requests;

/// <summary>
/// <c>POST /predict</c> and <c>POST /predict/batch</c>: waits for one of <see cref="MsaServingOptions.MaxConcurrentRequests"/>
/// slots, reads the rows into a private folder, checks them and scores them through the engine pool, all within
/// <see cref="MsaServingOptions.RequestTimeout"/>. The slot and the folder are released when scoring ends, even after the
/// request has timed out.
/// </summary>
internal sealed class PredictionHandler(ServedModel model, MsaServingOptions options, UploadFolders uploads)
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentRequests);

    /// <summary>A request delegate (no IResult is returned, so no overload of MapPost can drop the answer).</summary>
    public async Task PredictAsync(HttpContext http) => await (await HandleAsync(http, batch: false)).ExecuteAsync(http);

    public async Task PredictBatchAsync(HttpContext http) => await (await HandleAsync(http, batch: true)).ExecuteAsync(http);

    private async Task<IResult> HandleAsync(HttpContext http, bool batch)
    {
        var aborted = http.RequestAborted;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = options.MaxRequestBytes;
        if (http.Request.ContentLength > options.MaxRequestBytes) return TooLarge();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            await _slots.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return ErrorBody.Result(503, null, $"busy: {options.MaxConcurrentRequests} requests in progress for {options.RequestTimeout.TotalSeconds:0.#} s (MsaServingOptions.MaxConcurrentRequests); try again later");
        }
        string folder = uploads.CreateRequestFolder();
        Task<IResult>? scoring = null;
        try
        {
            var rows = await ReadAsync(http.Request, batch, folder, timeout.Token);
            foreach (var row in rows) RowChecks.Check(row, model.Reads, options);
            scoring = Task.Run(() => Score(rows, batch, http), CancellationToken.None);
            return await scoring.WaitAsync(timeout.Token);
        }
        catch (RequestError ex)
        {
            return ex.ToResult();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (BadHttpRequestException ex)
        {
            return ErrorBody.Result(ex.StatusCode, "body", $"the request body could not be read: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && !aborted.IsCancellationRequested)
        {
            // The upload folder, not the request: disk full, permissions.
            Log(http, ex, "Storing an upload failed");
            return ErrorBody.Result(500, null, "the upload could not be stored by the service; the details are in the service's log");
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return scoring == null
                ? ErrorBody.Result(408, "body", $"the request was not received within {options.RequestTimeout.TotalSeconds:0.#} s (MsaServingOptions.RequestTimeout)")
                : ErrorBody.Result(503, null, $"scoring took longer than {options.RequestTimeout.TotalSeconds:0.#} s (MsaServingOptions.RequestTimeout)");
        }
        finally
        {
            if (scoring is { IsCompleted: false }) _ = scoring.ContinueWith(_ => Release(folder), TaskScheduler.Default);
            else Release(folder);
        }
    }

    private static void Log(HttpContext http, Exception error, string what) =>
        http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("MsaMl.Serving").LogError(error, "{What}", what);

    private IResult TooLarge() =>
        ErrorBody.Result(413, "body", $"the request is larger than {options.MaxRequestBytes} bytes (MsaServingOptions.MaxRequestBytes)");

    private void Release(string folder)
    {
        UploadFolders.Delete(folder);
        _slots.Release();
    }

    private async Task<IReadOnlyList<RequestRow>> ReadAsync(HttpRequest request, bool batch, string folder, CancellationToken cancel)
    {
        if (request.HasJsonContentType()) return await JsonRows.ReadAsync(request, batch, folder, options, cancel);
        if (!batch && request.HasFormContentType && request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return [await MultipartRows.ReadAsync(request, folder, options, cancel)];
        string given = string.IsNullOrEmpty(request.ContentType) ? "missing" : $"'{request.ContentType}'";
        throw new RequestError(415, "Content-Type", batch
            ? $"{given}; expected application/json with {{ \"rows\": [...] }}"
            : $"{given}; expected multipart/form-data (text, audio, image) or application/json (text, base64 audio and image)");
    }

    private IResult Score(IReadOnlyList<RequestRow> rows, bool batch, HttpContext http)
    {
        var predictions = new List<Prediction>(rows.Count);
        foreach (var row in rows)
        {
            var record = new MultimodalRecord { Text = row.Text, AudioPath = row.AudioPath, ImagePath = row.ImagePath };
            try
            {
                predictions.Add(model.Predict(record, row.Present & model.Reads));
            }
            catch (Exception ex) when (MsaInputException.Find(ex) is { } input)
            {
                return ErrorBody.Result(400, row.Field + FieldOf(input.Column), input.Problem);
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
            {
                return ErrorBody.Result(400, row.Field.Length > 0 ? row.Field.TrimEnd('.') : "body", ex.Message);
            }
            catch (Exception ex)
            {
                Log(http, ex, "Scoring failed");
                return ErrorBody.Result(500, null, "scoring failed inside the service; the details are in the service's log");
            }
        }
        return batch ? Results.Json(new BatchAnswer(predictions), ServingJson.Options) : Results.Json(predictions[0], ServingJson.Options);
    }

    private static string FieldOf(string column) => column switch
    {
        nameof(MultimodalInput.AudioPath) => "audio",
        nameof(MultimodalInput.ImagePath) => "image",
        nameof(MultimodalInput.Text) => "text",
        _ => column,
    };
}
