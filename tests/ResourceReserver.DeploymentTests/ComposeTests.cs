using YamlDotNet.RepresentationModel;

namespace ResourceReserver.DeploymentTests;

/// <summary>docker-compose.yml: three silos of one image behind the proxy, PostgreSQL, Redis with AOF, a mail catcher.</summary>
public sealed class ComposeTests
{
    private readonly YamlMappingNode _services = Manifests.Compose().Map("services");

    private IEnumerable<YamlMappingNode> Silos => _services.Children
        .Where(s => ((YamlScalarNode)s.Key).Value!.StartsWith("silo", StringComparison.Ordinal)).Select(s => (YamlMappingNode)s.Value);

    [Fact]
    public void Three_silos_share_one_image_and_listen_where_the_proxy_and_healthcheck_look()
    {
        var silos = Silos.ToList();
        Assert.Equal(3, silos.Count);
        Assert.Single(silos.Select(s => s.Str("image")).Distinct());
        Assert.Equal("resource-reserver", silos[0].Str("image").Split(':')[0]);
        Assert.Equal(".", silos[0].Str("build"));
        var port = KubernetesManifestTests.ListenPort(silos[0].Map("environment").Str("ASPNETCORE_URLS"));
        Assert.Equal(KubernetesManifestTests.ListenPort(Dockerfile.Env("ASPNETCORE_URLS")), port);
        Assert.All(silos, s => Assert.Contains("/ready", string.Join(' ', s.Map("healthcheck").Seq("test").Select(t => t.ToString()))));
        Assert.Equal(3, silos.Select(s => s.Map("environment").Str("Clustering__AdvertisedAddress")).Distinct().Count());
        var proxy = Manifests.Text("deploy/nginx.conf");
        foreach (var name in new[] { "silo1", "silo2", "silo3" })
        {
            Assert.Contains($"server {name}:{port}", proxy);
        }
    }

    [Fact]
    public void Storage_membership_and_mail_are_wired_to_the_services_that_exist()
    {
        var environment = Silos.First().Map("environment");
        Assert.Equal("Postgres", environment.Str("Storage__Provider"));
        Assert.Equal("Redis", environment.Str("Clustering__Provider"));
        Assert.Contains("Host=postgres", environment.Str("ConnectionStrings__Postgres"));
        Assert.StartsWith("redis:", environment.Str("ConnectionStrings__Redis"));
        Assert.Equal("mailcatcher", environment.Str("Mail__Host"));
        Assert.True(_services.Has("postgres") && _services.Has("mailcatcher") && _services.Has("proxy"));
        var redisCommand = string.Join(' ', _services.Map("redis").Seq("command").Select(t => t.ToString()));
        Assert.Contains("--appendonly yes", redisCommand);
    }

    [Fact]
    public void The_signing_key_is_required_with_no_fallback_value()
    {
        var key = Silos.First().Map("environment").Str("Auth__SigningKey");
        Assert.StartsWith("${RR_SIGNING_KEY:?", key);
    }
}
