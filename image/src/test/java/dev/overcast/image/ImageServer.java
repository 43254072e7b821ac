package dev.overcast.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.overcast.core.bus.InProcessBus;
import dev.overcast.core.bus.Notification;
import dev.overcast.core.db.ServiceDatabase;
import dev.overcast.core.http.HttpHost;
import dev.overcast.core.http.HttpSettings;
import dev.overcast.core.policy.Policy;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.TestDatabase;
import dev.overcast.testkit.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A real Image server on a free port, on its own database (H2, or PostgreSQL with
 * {@code -Dovercast.test.db=postgresql}) and a temporary file store. Identity is replaced
 * by {@link TestTokens}, which signs tokens for any user, project and roles. Every
 * notification the service sends is kept in {@link #notifications()}.
 */
public final class ImageServer implements AutoCloseable {
    private final TestDatabase database;
    private final ServiceDatabase db;
    private final InProcessBus bus;
    private final HttpHost host;
    private final TestTokens tokens;
    private final Path dir;
    private final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private final ImageSettings settings;

    public ImageServer() {
        this(Clock.systemUTC(), -1);
    }

    /** @param imageSizeTotal the per-project quota in bytes, -1 for none */
    public ImageServer(Clock clock, long imageSizeTotal) {
        this(clock, imageSizeTotal, ImageSettings.DEFAULT_SIZE_CAP);
    }

    /**
     * @param imageSizeTotal the per-project quota in bytes, -1 for none
     * @param imageSizeCap   the largest image in bytes
     */
    public ImageServer(Clock clock, long imageSizeTotal, long imageSizeCap) {
        try {
            dir = Files.createTempDirectory("overcast-image-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = TestDatabase.create();
        db = ServiceDatabase.open(database.settings(), "image");
        bus = new InProcessBus(clock);
        bus.subscribe("notifications", "image", notifications::add);
        tokens = new TestTokens(clock);
        settings = new ImageSettings(dir.resolve("images"), dir.resolve("staging"), imageSizeCap, imageSizeTotal);
        ImageService image = newService(clock);
        host = HttpHost.start(new HttpSettings("127.0.0.1", 0, null, HttpSettings.DEFAULT_MAX_BODY), tokens.codec(),
                List.of(image), new SimpleMeterRegistry(), Map.of());
    }

    /** A client for {@code http://127.0.0.1:PORT/image}, without a token. */
    public ApiClient client() {
        return new ApiClient(host.localUrl() + "/image");
    }

    /** A client acting as {@code user}, a member of {@code project}. */
    public ApiClient member(String user, String project) {
        return client().withToken(tokens.project(user, project, "member", "reader"));
    }

    /** A client acting as {@code user} with only the reader role in {@code project}. */
    public ApiClient reader(String user, String project) {
        return client().withToken(tokens.project(user, project, "reader"));
    }

    /** A client acting as an admin of project {@code admin}. */
    public ApiClient admin() {
        return client().withToken(tokens.project("admin-user", "admin", "admin", "member", "reader"));
    }

    /**
     * Another ImageService on this server's database and directories, as a restarted process
     * would build it (which runs its recovery); it serves no requests.
     */
    public ImageService newService(Clock clock) {
        return new ImageService(db.jdbi(), Policy.of(ImagePolicy.defaults()), clock, settings, bus, "test-host");
    }

    /** The database, for tests that set up rows the API cannot (yet) create. */
    public org.jdbi.v3.core.Jdbi jdbi() {
        return db.jdbi();
    }

    /** The root URL of the image API, {@code http://127.0.0.1:PORT/image}. */
    public String url() {
        return host.localUrl() + "/image";
    }

    /** A token for {@code user}, a member of {@code project}. */
    public String memberToken(String user, String project) {
        return tokens.project(user, project, "member", "reader");
    }

    public String adminToken() {
        return tokens.project("admin-user", "admin", "admin", "member", "reader");
    }

    public ImageSettings settings() {
        return settings;
    }

    public List<Notification> notifications() {
        return notifications;
    }

    /** The image file store's directory. */
    public Path storeDir() {
        return dir.resolve("images");
    }

    @Override
    public void close() {
        host.close();
        bus.close();
        db.close();
        database.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory; the OS cleans it up eventually.
        }
    }
}
