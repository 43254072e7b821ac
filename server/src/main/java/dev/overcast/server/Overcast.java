package dev.overcast.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.overcast.compute.ComputePolicy;
import dev.overcast.core.Closeables;
import dev.overcast.compute.Compute;
import dev.overcast.compute.ComputeSettings;
import dev.overcast.compute.images.GlanceImages;
import dev.overcast.compute.network.NeutronNetworks;
import dev.overcast.compute.virt.VirtDriver;
import dev.overcast.compute.virt.fake.FakeDriver;
import dev.overcast.core.auth.RevocationList;
import dev.overcast.core.auth.ServiceTokens;
import dev.overcast.core.auth.SigningKeys;
import dev.overcast.core.auth.TokenCodec;
import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.InProcessBus;
import dev.overcast.core.bus.RabbitBus;
import dev.overcast.core.bus.RabbitSettings;
import dev.overcast.core.db.DatabaseSettings;
import dev.overcast.core.db.ServiceDatabase;
import dev.overcast.core.http.HttpHost;
import dev.overcast.core.http.HttpSettings;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.identity.Bootstrap;
import dev.overcast.identity.IdentityPolicy;
import dev.overcast.identity.IdentityService;
import dev.overcast.identity.IdentitySettings;
import dev.overcast.image.ImagePolicy;
import dev.overcast.image.ImageService;
import dev.overcast.image.ImageSettings;
import dev.overcast.network.NetworkPolicy;
import dev.overcast.network.NetworkService;
import dev.overcast.orchestration.OrchestrationPolicy;
import dev.overcast.orchestration.OrchestrationService;
import dev.overcast.orchestration.OrchestrationSettings;
import dev.overcast.orchestration.cloud.Cloud;
import dev.overcast.orchestration.resources.PluginServices;
import dev.overcast.orchestration.resources.SignalCredentials;
import dev.overcast.orchestration.resources.TokenSignalCredentials;
import dev.overcast.orchestration.resources.Sleeper;
import dev.overcast.network.NetworkSettings;
import dev.overcast.placement.PlacementPolicy;
import dev.overcast.placement.PlacementService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The all-in-one wiring: one process, one port, every service, the embedded or configured
 * database. This is the only place that knows which services exist.
 */
public final class Overcast implements AutoCloseable {
    private final OvercastConfig config;
    private final String adminPassword;
    private final Closeables closeables = new Closeables();
    private final HttpHost host;
    private final String publicUrl;
    private final Bus bus;
    private final Compute compute;

    private Overcast(OvercastConfig config, Clock clock) {
        this.config = config;
        try {
            Files.createDirectories(config.dataDir());
            this.adminPassword = adminPassword(config);
            int port = config.port() == 0 ? freePort(config.bind()) : config.port();
            this.publicUrl = config.effectivePublicUrl(port);
            DatabaseSettings db = databaseSettings(config);
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Duration lifetime = Duration.ofSeconds(config.token().expiration());
            RevocationList revocations = new RevocationList(clock, lifetime);
            TokenCodec tokens = new TokenCodec(SigningKeys.loadOrCreate(config.dataDir().resolve("keys"), clock),
                    revocations, clock);

            ServiceDatabase identityDb = open(db, "identity");
            IdentityService identity = new IdentityService(identityDb.jdbi(), policy("identity", IdentityPolicy.defaults()),
                    tokens, revocations, clock, new IdentitySettings(config.region(), lifetime, adminPassword, publicUrl,
                            config.securityCompliance()),
                    config.passwordHashRounds());
            identity.bootstrap(List.of(new Bootstrap.CatalogEntry("identity", "keystone", "/identity"),
                    new Bootstrap.CatalogEntry("image", "glance", "/image"),
                    new Bootstrap.CatalogEntry("placement", "placement", "/placement"),
                    new Bootstrap.CatalogEntry("compute", "nova", "/compute/v2.1"),
                    new Bootstrap.CatalogEntry("network", "neutron", "/network"),
                    new Bootstrap.CatalogEntry("orchestration", "heat", "/orchestration/v1/$(project_id)s")));

            this.bus = config.bus().url() == null ? new InProcessBus(clock)
                    : RabbitBus.connect(RabbitSettings.of(config.bus().url()), clock);
            closeables.add(bus);
            ServiceDatabase imageDb = open(db, "image");
            ImageService image = new ImageService(imageDb.jdbi(), policy("image", ImagePolicy.defaults()), clock,
                    new ImageSettings(config.dataDir().resolve("images"), config.dataDir().resolve("images-staging"),
                            config.image().imageSizeCap(), config.image().imageSizeTotal()),
                    bus, host());
            // A tiny public bootable disk generated in code (not CirrOS), so a fresh cloud can boot
            // a server without downloading anything. Owned by no project: Overcast's services do not
            // share ids, so Image cannot name Identity's admin project; admins manage it all the same.
            image.bootstrapTestImage(null);

            ServiceDatabase placementDb = open(db, "placement");
            PlacementService placement = new PlacementService(placementDb.jdbi(),
                    policy("placement", PlacementPolicy.defaults()), clock,
                    config.placement().randomizeAllocationCandidates());
            closeables.add(placement.serveRpc(bus, host()));

            ServiceDatabase networkDb = open(db, "network");
            NetworkService network = new NetworkService(networkDb.jdbi(), policy("network", NetworkPolicy.defaults()),
                    clock, NetworkSettings.defaults(), bus, host(),
                    new NovaNotifier(publicUrl + "/compute/v2.1", new ServiceTokens(tokens, clock, "neutron")));
            // DevStack's public network, so a server created without --nic gets an auto-allocated one.
            network.bootstrapPublicNetwork("public", "172.24.4.0/24");

            // Every schema is made before Compute starts: its background work opens cell schemas, and
            // on H2 two schema changes at once wait on one lock.
            ServiceDatabase orchestrationDb = open(db, "orchestration");
            ServiceDatabase computeApiDb = open(db, "compute_api");
            this.compute = Compute.start(computeApiDb.jdbi(), new CellDatabaseOpener(db, closeables::add),
                    policy("compute", ComputePolicy.defaults()), bus, clock, computeSettings(config.compute()),
                    new Compute.Options(new GlanceImages(publicUrl + "/image", Duration.ofSeconds(30)), host(),
                            fakeHosts(config.compute(), clock),
                            Duration.ofSeconds(config.compute().sweepIntervalSeconds()), publicUrl + "/image",
                            new NeutronNetworks(publicUrl + "/network", new ServiceTokens(tokens, clock, "nova"),
                                    Duration.ofSeconds(30))));
            closeables.add(compute);

            // Built after the database opens: building it marks stacks a dead engine left IN_PROGRESS FAILED.
            OrchestrationService orchestration = new OrchestrationService(orchestrationDb.jdbi(),
                    policy("orchestration", OrchestrationPolicy.defaults()), clock,
                    orchestrationSettings(config.orchestration()),
                    Sleeper.REAL, new SecureRandom(), PluginServices.NONE.with(SignalCredentials.class,
                            new TokenSignalCredentials(tokens, clock, () -> publicUrl + "/orchestration"))
                            .with(Cloud.class, new Cloud(publicUrl, tokens, clock, Duration.ofSeconds(30))), bus);
            closeables.add(orchestration);

            List<ServiceApi> services = List.of(identity, image, placement, network, compute.api(), orchestration);
            Map<String, Supplier<Response>> extras = new LinkedHashMap<>();
            extras.put("/healthcheck", () -> new Response(200, Map.of("Content-Type", "text/plain"), "OK".getBytes()));
            extras.put("/metrics", () -> new Response(200, Map.of("Content-Type", "text/plain; version=0.0.4"),
                    metrics.scrape().getBytes()));
            this.host = HttpHost.start(new HttpSettings(config.bind(), port, config.publicUrl(), config.maxBodyBytes()),
                    tokens, services, metrics, extras);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Overcast start(OvercastConfig config) {
        return new Overcast(config, Clock.systemUTC());
    }

    public String url() {
        return publicUrl;
    }

    public String identityUrl() {
        return publicUrl + "/identity/v3";
    }

    public String adminPassword() {
        return adminPassword;
    }

    public OvercastConfig config() {
        return config;
    }

    private static ComputeSettings computeSettings(OvercastConfig.Compute c) {
        ComputeSettings d = ComputeSettings.defaults();
        return new ComputeSettings(d.defaultAvailabilityZone(), d.listCellTimeout(), d.maxAttempts(),
                Duration.ofSeconds(c.workflowLeaseSeconds()), d.rpcTimeout(), d.serviceDownTime(), d.reportInterval());
    }

    /** The all-in-one's simulated hypervisors, or null when it runs none. */
    private static VirtDriver fakeHosts(OvercastConfig.Compute c, Clock clock) {
        if (c.fakeHosts() == 0) {
            return null;
        }
        return FakeDriver.builder().hosts("compute", c.fakeHosts())
                .capacity(c.fakeHostVcpus(), c.fakeHostRamMb(), c.fakeHostDiskGb())
                .spawnLatency(Duration.ofMillis(c.spawnLatencyMs()))
                .failureRate(c.spawnFailureRate(), new java.util.SplittableRandom())
                .clock(clock).build();
    }

    /** Compute's roles in this process, for benchmarks and tests. */
    public Compute compute() {
        return compute;
    }

    /** The bus the services talk over, for in-process callers such as the scheduler. */
    public Bus bus() {
        return bus;
    }

    private static OrchestrationSettings orchestrationSettings(OvercastConfig.Orchestration options) {
        OrchestrationSettings defaults = OrchestrationSettings.defaults(
                options.engineId() == null ? host() : options.engineId());
        return new OrchestrationSettings(options.defaultEngine(), defaults.engineId(),
                Duration.ofSeconds(options.engineLeaseSeconds()), defaults.maxParallel())
                .withAbandonAndAdopt(options.enableStackAbandon(), options.enableStackAdopt());
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private ServiceDatabase open(DatabaseSettings settings, String service) {
        return closeables.add(ServiceDatabase.open(settings, service));
    }


    private Policy policy(String service, Map<String, String> defaults) {
        Policy policy = Policy.of(defaults);
        Path file = config.policyDir().resolve(service + ".yaml");
        return Files.isRegularFile(file) ? policy.withOverrides(file) : policy;
    }

    static DatabaseSettings databaseSettings(OvercastConfig config) {
        OvercastConfig.Database db = config.database();
        String url = db.url() != null ? db.url() : "jdbc:h2:file:" + config.dataDir().resolve("db").resolve("overcast")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // H2 parses a statement again once it falls out of a session's cache (8 by default);
                // a Placement claim alone runs a dozen different ones.
                + ";QUERY_CACHE_SIZE=64"
                // H2 keeps committed work in memory for up to 500 ms by default; a killed process would
                // lose what the API already answered. Written at each commit, it survives the process.
                + ";WRITE_DELAY=0"
                // H2 waits one second for a lock by default; one service's schema migration holds
                // the schema table lock while another service starts work on a loaded machine.
                + ";LOCK_TIMEOUT=10000";
        String user = db.user() != null ? db.user() : url.startsWith("jdbc:h2:") ? "sa" : "postgres";
        return new DatabaseSettings(url, user, db.password(), db.poolSize() == null ? 8 : db.poolSize());
    }

    /** The configured password, else the one saved on first start, else a new one saved now (0600). */
    private static String adminPassword(OvercastConfig config) throws IOException {
        if (config.adminPassword() != null && !config.adminPassword().isEmpty()) {
            return config.adminPassword();
        }
        Path file = config.dataDir().resolve("admin-password");
        if (Files.isRegularFile(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, password + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX: the data dir's permissions apply.
        }
        return password;
    }

    private static int freePort(String bind) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(bind))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (host != null) {
            host.close();
        }
        closeables.close();
    }
}
