namespace ClusterSessions.AppHost.Lab.Assets;

/// <summary>One file of the page, held in memory.</summary>
/// <param name="Path">The URL path, e.g. <c>/js/app.js</c>.</param>
/// <param name="ETag">A hash of the content: a reload revalidates instead of downloading again.</param>
internal sealed record LabAsset(string Path, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
