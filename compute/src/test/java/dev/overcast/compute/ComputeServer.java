package dev.overcast.compute;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.overcast.compute.agent.ComputeAgent;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.virt.VirtDriver;
import dev.overcast.compute.virt.fake.FakeDriver;
import dev.overcast.core.Closeables;
import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.InProcessBus;
import dev.overcast.core.db.ServiceDatabase;
import dev.overcast.core.http.HttpHost;
import dev.overcast.core.http.HttpSettings;
import dev.overcast.core.policy.Policy;
import dev.overcast.placement.PlacementPolicy;
import dev.overcast.placement.PlacementService;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.TestDatabase;
import dev.overcast.testkit.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Jdbi;

/**
 * A real Compute API on a free port with its neighbours as tests need them: its own database
 * (H2, or PostgreSQL with {@code -Dovercast.test.db=postgresql}) holding the API schema and
 * three cells (cell0, cell1, cell2), the real Placement serving the in-process bus, and
 * {@link TestTokens} instead of Identity. Register it as a JUnit extension:
 * {@code @RegisterExtension static final ComputeServer server = new ComputeServer();}
 */
public final class ComputeServer implements AutoCloseable, AfterAllCallback {
    private final TestDatabase database;
    private final Closeables closeables = new Closeables();
    private final TestTokens tokens;
    private final Bus bus;
    private final PlacementService placement;
    private final Compute compute;
    private final HttpHost host;
    private final TestImages images = new TestImages();
    private final FakeGlance glance;

    public ComputeServer() {
        this(Clock.systemUTC(), ComputeSettings.defaults());
    }

    public ComputeServer(Clock clock, ComputeSettings settings) {
        database = TestDatabase.create();
        tokens = new TestTokens(clock);
        bus = new InProcessBus(clock);
        closeables.add(bus);
        placement = new PlacementService(open("placement", "placement").jdbi(),
                Policy.of(PlacementPolicy.defaults()), clock);
        closeables.add(placement.serveRpc(bus, "placement-host"));
        glance = FakeGlance.start();
        closeables.add(glance);
        compute = Compute.start(open("compute_api", "compute_api").jdbi(), this::cellDatabase,
                Policy.of(ComputePolicy.defaults()), bus, clock, settings,
                new Compute.Options(images, "test-controller", null, Duration.ofSeconds(1), glance.url(),
                        new dev.overcast.compute.network.NoNetworks()));
        closeables.add(compute);
        compute.context().cells().create(null, "cell2", "none:", "schema:compute_cell2");
        host = HttpHost.start(new HttpSettings("127.0.0.1", 0, null, HttpSettings.DEFAULT_MAX_BODY), tokens.codec(),
                List.of(compute.api(), placement), new SimpleMeterRegistry(), Map.of());
    }

    private ServiceDatabase open(String schema, String migrations) {
        ServiceDatabase db = ServiceDatabase.open(database.settings(), schema, migrations);
        closeables.add(db);
        return db;
    }

    private Jdbi cellDatabase(CellMapping cell) {
        String connection = cell.databaseConnection();
        if (!connection.startsWith("schema:")) {
            throw new IllegalArgumentException("tests keep cells in schemas, not " + connection);
        }
        return open(connection.substring("schema:".length()), "compute_cell").jdbi();
    }

    /** A client for {@code http://127.0.0.1:PORT/compute}, without a token. */
    public ApiClient client() {
        return new ApiClient(host.localUrl() + "/compute");
    }

    /** An admin of project {@code admin} asking for {@code version} ("2.1", "2.96", "latest"). */
    public ApiClient admin(String version) {
        return as("admin-user", "admin", version, "admin", "member", "reader");
    }

    /** {@code user}, a member (and reader) of {@code project}. */
    public ApiClient member(String user, String project, String version) {
        return as(user, project, version, "member", "reader");
    }

    /** {@code user}, only a reader of {@code project}. */
    public ApiClient reader(String user, String project, String version) {
        return as(user, project, version, "reader");
    }

    /** {@code user} in {@code project} with exactly {@code roles}. */
    public ApiClient as(String user, String project, String version, String... roles) {
        return client().withToken(tokens.project(user, project, roles))
                .withHeader("OpenStack-API-Version", "compute " + version);
    }

    /** An admin client for Placement, to check what Compute reported and claimed. */
    public ApiClient placementAdmin() {
        return new ApiClient(host.localUrl() + "/placement")
                .withToken(tokens.project("admin-user", "admin", "admin", "member", "reader"))
                .withHeader("OpenStack-API-Version", "placement latest");
    }

    public ComputeContext context() {
        return compute.context();
    }

    /** The images servers may boot from: Glance's part, played by the test. */
    public TestImages images() {
        return images;
    }

    /** The Image service's v2 API that Nova's image proxy ({@code /images}) calls. */
    public FakeGlance glance() {
        return glance;
    }

    /** The conductor, to wait for builds or sweep for orphaned work. */
    public dev.overcast.compute.conductor.Conductor conductor() {
        return compute.conductor();
    }

    /**
     * Starts a compute agent in cell1 simulating {@code hosts} fake hosts, {@code compute1} to
     * {@code computeN}, one node each (16 vCPUs, 32 GiB, 1 TiB), and maps them to the cell; it
     * is closed with the server.
     */
    public ComputeAgent startAgent(int hosts) {
        return startAgent("cell1", FakeDriver.builder().hosts("compute", hosts).clock(context().clock()).build());
    }

    /** Starts a compute agent for {@code driver}'s hosts in the cell named {@code cellName} and maps them. */
    public ComputeAgent startAgent(String cellName, VirtDriver driver) {
        ComputeContext ctx = context();
        CellMapping cell = ctx.cells().buildable().stream().filter(c -> cellName.equals(c.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell named " + cellName));
        ComputeAgent agent = new ComputeAgent(ctx.cells().db(cell), bus, ctx.clock(), ctx.settings(), driver);
        agent.start();
        closeables.add(agent);
        ctx.cells().hosts().discover(null);
        return agent;
    }

    public Bus bus() {
        return bus;
    }

    public TestTokens tokens() {
        return tokens;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        host.close();
        closeables.close();
        database.close();
    }
}
