using Governance.Domain.Common;
using NetArchTest.Rules;

namespace Governance.Domain.Tests;

/// <summary>The model stays free of storage and infrastructure; only Domain/Persistence knows EF Core.</summary>
public class ArchitectureTests
{
    private static readonly string[] ModelNamespaces =
    [
        "Governance.Domain.Common", "Governance.Domain.Municipalities", "Governance.Domain.Organisation", "Governance.Domain.Obligations",
        "Governance.Domain.Motions", "Governance.Domain.Commitments", "Governance.Domain.Indicators", "Governance.Domain.ReportingCycles",
        "Governance.Domain.Letters", "Governance.Domain.Planning", "Governance.Domain.Notifications", "Governance.Domain.Accounts",
    ];

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Governance.Domain.Persistence")]
    [InlineData("Hangfire")]
    [InlineData("Stateless")]
    [InlineData("Governance.Workflows")]
    [InlineData("Governance.Web")]
    public void The_model_does_not_depend_on(string dependency)
    {
        var result = Types.InAssembly(typeof(Entity).Assembly)
            .That().ResideInNamespace(ModelNamespaces[0])
            .Or().ResideInNamespace(ModelNamespaces[1]).Or().ResideInNamespace(ModelNamespaces[2]).Or().ResideInNamespace(ModelNamespaces[3])
            .Or().ResideInNamespace(ModelNamespaces[4]).Or().ResideInNamespace(ModelNamespaces[5]).Or().ResideInNamespace(ModelNamespaces[6])
            .Or().ResideInNamespace(ModelNamespaces[7]).Or().ResideInNamespace(ModelNamespaces[8]).Or().ResideInNamespace(ModelNamespaces[9])
            .Or().ResideInNamespace(ModelNamespaces[10]).Or().ResideInNamespace(ModelNamespaces[11])
            .ShouldNot().HaveDependencyOn(dependency)
            .GetResult();
        Assert.True(result.IsSuccessful, $"Depends on {dependency}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Entities_keep_their_setters_private()
    {
        var leaking = typeof(Entity).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Entity)))
            .SelectMany(t => t.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.Empty(leaking);
    }
}
