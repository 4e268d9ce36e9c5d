namespace MsaMl.Datasets.Images;

/// <summary>One post's line in <c>labelResultAll.txt</c>: each annotator's (text, image) labels.</summary>
internal sealed record MvsaAnnotatedPost(string Id, IReadOnlyList<(string Text, string Image)> Annotations, int Line);
