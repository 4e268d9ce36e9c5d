using System.Text.Json.Serialization;

namespace MsaMl.Transforms.Normalization;

/// <summary>
/// Options of <see cref="GroupStandardizationEstimator"/>: standardize a feature column with the
/// mean and standard deviation of the row's group (a speaker), learned from that group's own rows,
/// labels unused.
/// </summary>
public sealed class GroupStandardizationOptions
{
    /// <summary>The Single vector column to standardize.</summary>
    public string InputColumnName { get; set; } = "Spectrogram";

    /// <summary>The output column (the input's name by default, which then hides the input).</summary>
    public string? OutputColumnName { get; set; }

    /// <summary>
    /// The text column naming each row's group, for example the speaker. Needed to fit; an input
    /// scored without it has every row standardized with the training statistics (said in the warnings).
    /// </summary>
    public string GroupColumnName { get; set; } = "Speaker";

    /// <summary>What one mean and standard deviation covers.</summary>
    public StatisticsAxis Axis { get; set; } = StatisticsAxis.Frames;

    /// <summary>
    /// The fewest rows a group needs for statistics of its own; a group with fewer (or unknown, when
    /// scoring row by row) is standardized with the statistics of all training rows, said in
    /// <see cref="GroupStandardizationTransformer.Warnings"/>.
    /// </summary>
    public int MinGroupRows { get; set; } = 3;

    /// <summary>
    /// When <c>Transform</c> sees groups that training did not, learn their statistics from the
    /// transformed data itself first (one extra pass; labels are never read). Off: such groups get
    /// the training statistics. Row-by-row scoring (<c>PredictionEngine</c>) cannot look ahead; enroll
    /// a new speaker there with <see cref="GroupStandardizationTransformer.Enroll"/>.
    /// </summary>
    public bool AdaptToNewGroups { get; set; } = true;

    /// <summary>Added to each variance before the square root, so constant features stay finite.</summary>
    public double VarianceFloor { get; set; } = 1e-6;

    /// <summary>The output column's name, resolved.</summary>
    [JsonIgnore]
    public string Output => string.IsNullOrEmpty(OutputColumnName) ? InputColumnName : OutputColumnName;

    /// <summary>Throws naming the first option whose value is not allowed.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(InputColumnName)) throw new ArgumentException("InputColumnName: expected a column name, found an empty one.", nameof(InputColumnName));
        if (string.IsNullOrWhiteSpace(GroupColumnName)) throw new ArgumentException("GroupColumnName: expected a column name, found an empty one.", nameof(GroupColumnName));
        if (GroupColumnName == InputColumnName) throw new ArgumentException($"GroupColumnName and InputColumnName both name '{InputColumnName}'; the group is a text column of its own.", nameof(GroupColumnName));
        if (MinGroupRows < 1) throw new ArgumentOutOfRangeException(nameof(MinGroupRows), MinGroupRows, "MinGroupRows: expected at least 1.");
        if (!(VarianceFloor > 0) || double.IsInfinity(VarianceFloor)) throw new ArgumentOutOfRangeException(nameof(VarianceFloor), VarianceFloor, "VarianceFloor: expected a positive finite number.");
        if (!Enum.IsDefined(Axis)) throw new ArgumentOutOfRangeException(nameof(Axis), Axis, "Axis: expected Rows or Frames.");
    }
}
