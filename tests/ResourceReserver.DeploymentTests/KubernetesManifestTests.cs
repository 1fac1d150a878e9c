using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ResourceReserver.DeploymentTests;

/// <summary>The k8s/ manifests agree with each other and with the image: probes, ports, names, selectors.</summary>
public sealed class KubernetesManifestTests
{
    private readonly Dictionary<string, YamlMappingNode> _k8s = Manifests.Kubernetes();

    private YamlMappingNode Container => (YamlMappingNode)_k8s["Deployment"].Map("spec").Map("template").Map("spec").Seq("containers")[0];

    [Fact]
    public void Every_required_kind_is_there()
    {
        Assert.Subset(_k8s.Keys.ToHashSet(), new HashSet<string> { "Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap", "Secret" });
    }

    [Fact]
    public void The_deployment_runs_at_least_three_silos_with_graceful_termination_and_resources()
    {
        var spec = _k8s["Deployment"].Map("spec");
        Assert.True(int.Parse(spec.Str("replicas")) >= 3);
        Assert.True(int.Parse(spec.Map("template").Map("spec").Str("terminationGracePeriodSeconds")) >= 30);
        Assert.True(Container.Map("resources").Has("requests") && Container.Map("resources").Has("limits"));
        Assert.True(int.Parse(_k8s["HorizontalPodAutoscaler"].Map("spec").Str("minReplicas")) >= 3);
        Assert.Equal("Deployment", _k8s["HorizontalPodAutoscaler"].Map("spec").Map("scaleTargetRef").Str("kind"));
        Assert.Equal(Name("Deployment"), _k8s["HorizontalPodAutoscaler"].Map("spec").Map("scaleTargetRef").Str("name"));
    }

    [Fact]
    public void Probes_hit_live_and_ready_on_the_port_the_host_listens_on()
    {
        Assert.Equal("/live", Container.Map("livenessProbe").Map("httpGet").Str("path"));
        Assert.Equal("/ready", Container.Map("readinessProbe").Map("httpGet").Str("path"));
        var httpPort = ContainerPort(Container.Map("readinessProbe").Map("httpGet").Str("port"));
        Assert.Equal(httpPort, ContainerPort(Container.Map("livenessProbe").Map("httpGet").Str("port")));
        Assert.Equal(httpPort, ListenPort(_k8s["ConfigMap"].Map("data").Str("ASPNETCORE_URLS")));
        Assert.Equal(httpPort, ListenPort(Dockerfile.Env("ASPNETCORE_URLS")));
        Assert.Contains(httpPort.ToString(), Dockerfile.Expose);
        Assert.Equal(ContainerPort("silo"), int.Parse(_k8s["ConfigMap"].Map("data").Str("Clustering__SiloPort")));
        Assert.Equal(ContainerPort("gateway"), int.Parse(_k8s["ConfigMap"].Map("data").Str("Clustering__GatewayPort")));
        var health = Manifests.Text("src/ResourceReserver.Host/Hosting/HealthSetup.cs");
        Assert.Contains("MapHealthChecks(\"/live\"", health);
        Assert.Contains("MapHealthChecks(\"/ready\"", health);
    }

    [Fact]
    public void Service_ingress_and_disruption_budget_select_the_deployment_pods()
    {
        var podLabels = _k8s["Deployment"].Map("spec").Map("template").Map("metadata").Map("labels");
        bool Selects(YamlMappingNode selector) => selector.Children.All(p => podLabels.Children.TryGetValue(p.Key, out var v) && v.ToString() == p.Value.ToString());
        Assert.True(Selects(_k8s["Service"].Map("spec").Map("selector")));
        Assert.True(Selects(_k8s["PodDisruptionBudget"].Map("spec").Map("selector").Map("matchLabels")));
        Assert.True(Selects(_k8s["Deployment"].Map("spec").Map("selector").Map("matchLabels")));
        Assert.True(int.Parse(_k8s["PodDisruptionBudget"].Map("spec").Str("minAvailable")) < int.Parse(_k8s["Deployment"].Map("spec").Str("replicas")));

        var servicePort = (YamlMappingNode)_k8s["Service"].Map("spec").Seq("ports")[0];
        Assert.Equal(8080, ContainerPort(servicePort.Str("targetPort")));
        var backend = ((YamlMappingNode)((YamlMappingNode)_k8s["Ingress"].Map("spec").Seq("rules")[0]).Map("http").Seq("paths")[0]).Map("backend").Map("service");
        Assert.Equal(Name("Service"), backend.Str("name"));
        Assert.Equal(servicePort.Str("name"), backend.Map("port").Str("name"));
        Assert.Equal("cookie", _k8s["Ingress"].Map("metadata").Map("annotations").Str("nginx.ingress.kubernetes.io/affinity"));
    }

    [Fact]
    public void Config_comes_from_the_configmap_and_secret_of_the_same_name()
    {
        var sources = Container.Seq("envFrom").Cast<YamlMappingNode>().ToList();
        Assert.Contains(sources, s => s.Has("configMapRef") && s.Map("configMapRef").Str("name") == Name("ConfigMap"));
        Assert.Contains(sources, s => s.Has("secretRef") && s.Map("secretRef").Str("name") == Name("Secret"));
        Assert.True(_k8s["Secret"].Map("stringData").Has("ConnectionStrings__Postgres"));
        // No well-known signing key ships: without one the silos share a random key kept in the database.
        Assert.False(_k8s["Secret"].Map("stringData").Has("Auth__SigningKey"));
        Assert.EndsWith("/resource-reserver", Container.Str("image").Split(':')[0]);
    }

    private string Name(string kind) => _k8s[kind].Map("metadata").Str("name");

    private int ContainerPort(string nameOrNumber) => int.TryParse(nameOrNumber, out var number)
        ? number
        : int.Parse(Container.Seq("ports").Cast<YamlMappingNode>().Single(p => p.Str("name") == nameOrNumber).Str("containerPort"));

    internal static int ListenPort(string urls) => int.Parse(Regex.Match(urls, @":(\d+)").Groups[1].Value);
}
