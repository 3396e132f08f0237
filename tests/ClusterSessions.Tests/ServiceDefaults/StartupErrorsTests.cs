using ClusterSessions.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Tests.ServiceDefaults;

public sealed class StartupErrorsTests
{
    [Fact]
    public void TryDescribe_SingleValidationException_ReturnsOneErrorLine()
    {
        var exception = new OptionsValidationException("", typeof(NodeOptions), ["Node:Id: 'X' is not a valid node id"]);

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Node:Id: 'X' is not a valid node id", line);
    }

    [Fact]
    public void TryDescribe_AggregateOfValidationExceptions_JoinsEveryFailure()
    {
        var exception = new AggregateException(
            new OptionsValidationException("", typeof(NodeOptions), ["Node:Id: bad", "Node:PathBase: bad"]),
            new OptionsValidationException("", typeof(NodeOptions), ["Session:Strategy: bad"]));

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Node:Id: bad; Node:PathBase: bad; Session:Strategy: bad", line);
    }

    [Fact]
    public void TryDescribe_FailureWithLineBreaks_StaysOnOneLine()
    {
        var exception = new OptionsValidationException("", typeof(NodeOptions), ["Node:Id: 'a\nb'\r\nis bad"]);

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
    }

    [Fact]
    public void TryDescribe_OtherException_ReturnsFalse()
    {
        Assert.False(StartupErrors.TryDescribe(new InvalidOperationException("boom"), out var line));
        Assert.Null(line);
    }

    [Fact]
    public void TryDescribe_AggregateWithANonValidationException_ReturnsFalse()
    {
        var exception = new AggregateException(
            new OptionsValidationException("", typeof(NodeOptions), ["Node:Id: bad"]),
            new InvalidOperationException("boom"));

        Assert.False(StartupErrors.TryDescribe(exception, out _));
    }

    [Fact]
    public void TryDescribe_BinderFailedOnAnEnum_NamesTheKeyAndTheAllowedNames()
    {
        var exception = BindFailure("Session:Strategy", "Cookie");

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Session:Strategy: 'Cookie' is not one of Local, Redis, Jwt", line);
    }

    [Fact]
    public void TryDescribe_BinderFailedOnANonEnum_NamesTheKeyWithoutTheType()
    {
        var exception = BindFailure("Session:Port", "eighty");

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Session:Port: 'eighty' is not a valid value", line);
    }

    [Fact]
    public void TryDescribe_BinderFailedOnATypeNoAssemblyHas_NamesTheKeyWithoutTheType()
    {
        var exception = new InvalidOperationException(
            "Failed to convert configuration value 'x' at 'Session:Mode' to type 'No.Such.Namespace.Mode'.");

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Session:Mode: 'x' is not a valid value", line);
    }

    [Fact]
    public void TryDescribe_AggregateOfValidationAndBinderFailures_JoinsEveryFailure()
    {
        var exception = new AggregateException(
            new OptionsValidationException("", typeof(NodeOptions), ["Node:Id: bad"]),
            BindFailure("Session:Strategy", "none"));

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Node:Id: bad; Session:Strategy: 'none' is not one of Local, Redis, Jwt", line);
    }

    [Fact]
    public void TryDescribe_EmptyAggregate_ReturnsFalse() =>
        Assert.False(StartupErrors.TryDescribe(new AggregateException(), out _));

    // The binder's own exception, so the test breaks if its message ever stops matching.
    private static InvalidOperationException BindFailure(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)])
            .Build();
        return Assert.Throws<InvalidOperationException>(() => configuration.GetSection("Session").Get<SessionSettings>());
    }

    private enum Strategy
    {
        Local,
        Redis,
        Jwt,
    }

    private sealed class SessionSettings
    {
        public Strategy Strategy { get; set; }

        public int Port { get; set; }
    }
}
