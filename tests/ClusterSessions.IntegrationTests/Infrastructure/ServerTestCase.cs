using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Takes its skip reason from the server kind of the concrete test class (recomputed after deserialization).</summary>
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
        var kind = TestMethod.TestClass.Class.ToRuntimeType()?.GetCustomAttribute<TestServerKindAttribute>()?.Kind;
        return (kind is { } k ? ServerAvailability.GetSkipReason(k) : null) ?? base.GetSkipReason(factAttribute);
    }
}
