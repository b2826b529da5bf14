using Governance.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Governance.Domain.Persistence.Conventions;

/// <summary>Stores every typed id of the domain as its GUID, registered once for the whole model.</summary>
internal static class TypedIdConventions
{
    public static void Apply(ModelConfigurationBuilder builder)
    {
        var idTypes = typeof(ITypedId<>).Assembly.GetTypes()
            .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>)));
        foreach (var idType in idTypes)
        {
            builder.Properties(idType).HaveConversion(typeof(TypedIdConverter<>).MakeGenericType(idType));
        }
    }
}

internal sealed class TypedIdConverter<TId>() : ValueConverter<TId, Guid>(id => id.Value, value => Create(value))
    where TId : struct, ITypedId<TId>
{
    private static TId Create(Guid value) => TId.From(value);
}
