namespace MsaMl.Trainers.Pretrained;

/// <summary>One NodeProto: its operator, inputs, outputs and attributes.</summary>
internal sealed record OnnxNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyList<OnnxAttribute> Attributes)
{
    public OnnxAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    /// <summary>How errors name the node: its name and operator, or its first output when unnamed.</summary>
    public string Describe() => Name.Length > 0 ? $"node '{Name}' ({OpType})" : $"the {OpType} node computing '{Outputs.FirstOrDefault()}'";
}
