using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace ClusterSessions.Tests.AppHost.Nodes;

/// <summary>
/// A node resource outside any Aspire application: what <see cref="ClusterSessions.AppHost.Nodes.NodePool"/> keeps
/// beside each endpoint for the AppHost's own configuration, which the code under test never reads.
/// (<c>DistributedApplicationTestingBuilder.Create()</c> only works from an AppHost assembly.)
/// </summary>
internal sealed class DetachedResourceBuilder(ExecutableResource resource) : IResourceBuilder<ExecutableResource>
{
    public IDistributedApplicationBuilder ApplicationBuilder =>
        throw new NotSupportedException("this resource belongs to no application");

    public ExecutableResource Resource { get; } = resource;

    public IResourceBuilder<ExecutableResource> WithAnnotation<TAnnotation>(TAnnotation annotation, ResourceAnnotationMutationBehavior behavior = ResourceAnnotationMutationBehavior.Append)
        where TAnnotation : IResourceAnnotation
    {
        Resource.Annotations.Add(annotation);
        return this;
    }
}
