using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Takes its skip reason from the backend of the concrete test class (recomputed after deserialization).</summary>
public sealed class ServerTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ServerTestCase()
    {
    }

    public ServerTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var backend = TestMethod.TestClass.Class.ToRuntimeType()?.GetCustomAttribute<TestServerKindAttribute>()?.Backend;
        return (backend is { } b ? ServerAvailability.GetSkipReason(b) : null) ?? base.GetSkipReason(factAttribute);
    }
}
