namespace ClusterSessions.Redis.Commands;

public enum SetCondition
{
    Always,

    /// <summary>NX: only set the key if it does not exist yet.</summary>
    IfNotExists,

    /// <summary>XX: only set the key if it already exists.</summary>
    IfExists,
}
