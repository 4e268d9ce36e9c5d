namespace MsaMl.Pipelines.Persistence;

/// <summary>One input column: its name and a type description such as "String", "Vector&lt;Single,3,64,64&gt;", "Key&lt;UInt32,4&gt;".</summary>
public sealed record BundleColumn(string Name, string Type);
