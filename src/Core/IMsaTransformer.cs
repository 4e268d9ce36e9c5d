using System.Text.Json.Nodes;
using Microsoft.ML;

namespace MsaMl.Transforms.Core;

/// <summary>
/// A third-party (MsaMl) transformer that the model bundle can save: its kind, the options that
/// re-create it, and any binary artifacts (such as network weights). ML.NET's own model format
/// does not accept third-party transformers, hence this contract.
/// </summary>
public interface IMsaTransformer : ITransformer
{
    /// <summary>A stable name registered with <see cref="TransformFactory"/>.</summary>
    string Kind { get; }

    /// <summary>Options that re-create an identical transformer.</summary>
    JsonNode SaveOptions();

    /// <summary>Named binary artifacts (empty for transformers fully described by their options).</summary>
    IReadOnlyDictionary<string, byte[]> SaveArtifacts();

    /// <summary>
    /// The user-given files the stage reads (an encoder ONNX, a vocabulary), keyed by the name of
    /// the options property that holds each path; empty when the stage reads none (packaged
    /// models are not listed). A model bundle embeds or references each file and, at load, sets
    /// that property to the verified local copy.
    /// </summary>
    IReadOnlyDictionary<string, string> SaveFiles();
}
