using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace ClusterSessions.ServiceDefaults;

/// <summary>
/// A Data Protection key ring held in this process only: each process makes its own keys, so a cookie protected
/// by one node cannot be read by another. (The default would share <c>~/.aspnet/DataProtection-Keys</c>
/// between every process of one machine and hide the failure the demo is about.)
/// </summary>
internal sealed class InMemoryKeyRing : IXmlRepository, IConfigureOptions<KeyManagementOptions>
{
    private readonly Lock _lock = new();
    private readonly List<XElement> _elements = [];

    public void Configure(KeyManagementOptions options) => options.XmlRepository = this;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_lock)
        {
            return _elements.Select(e => new XElement(e)).ToList();
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_lock)
        {
            _elements.Add(new XElement(element));
        }
    }
}
