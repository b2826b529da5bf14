using Governance.Domain.Common;
using Governance.Workflows;
using Mediator;

namespace Governance.Web.Hosting;

internal static class MediatorSetup
{
    /// <summary>
    /// One place lists the assemblies with messages and handlers, and the pipeline in order.
    /// Scoped: handlers use scoped services such as the current user (a circuit, a request or a job).
    /// </summary>
    public static IServiceCollection AddMediatorPipeline(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Entity), typeof(WorkflowsAssembly), typeof(Program)];
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        return services;
    }
}
