using ClusterSessions.ServiceDefaults;
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
            new OptionsValidationException("", typeof(ParentProcessOptions), ["Session:Strategy: bad"]));

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
}
