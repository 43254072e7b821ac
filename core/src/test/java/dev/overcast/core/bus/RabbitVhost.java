package dev.overcast.core.bus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ virtual host of its own for one test class, so that its queues and exchanges meet no
 * other test's, deleted again by {@link #close()}. Other modules' tests use it through core's
 * test jar.
 *
 * <p>The broker is {@code overcast.test.rabbit.uri} (default {@code amqp://guest:guest@127.0.0.1:5672},
 * no vhost). The vhost is made through the management HTTP API ({@code overcast.test.rabbit.management},
 * default {@code http://127.0.0.1:15672}) when it answers, and otherwise with {@code rabbitmqctl}
 * on this machine ({@code overcast.test.rabbit.ctl}), which needs the rights to talk to the node.
 * When neither works the test fails, naming both; it is never skipped.
 */
public final class RabbitVhost implements AutoCloseable, org.junit.jupiter.api.extension.AfterAllCallback {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String name;
    private final String brokerUri;
    private final Admin admin;

    private RabbitVhost(String name, String brokerUri, Admin admin) {
        this.name = name;
        this.brokerUri = brokerUri;
        this.admin = admin;
    }

    /** A fresh vhost whose name starts with {@code overcast-test-<label>-}, its user allowed everything. */
    public static RabbitVhost create(String label) {
        String brokerUri = System.getProperty("overcast.test.rabbit.uri", "amqp://guest:guest@127.0.0.1:5672");
        URI broker = URI.create(brokerUri);
        String[] credentials = broker.getUserInfo() == null ? new String[] {"guest", "guest"} : broker.getUserInfo().split(":", 2);
        String name = "overcast-test-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
        Admin admin = Management.reachable(credentials[0], credentials[1]);
        if (admin == null) {
            admin = new Ctl(credentials[0]);
        }
        admin.addVhost(name);
        return new RabbitVhost(name, brokerUri, admin);
    }

    public String name() {
        return name;
    }

    /** Settings for a bus on this vhost, every other option at its default. */
    public RabbitSettings settings() {
        return RabbitSettings.of(brokerUri + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    /** Closes every client connection to this vhost, as a broker restart or a network failure would. */
    void closeConnections() {
        admin.closeConnections(name);
    }

    /** As a JUnit extension ({@code @RegisterExtension static final}): deleted after the class's tests. */
    @Override
    public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        admin.deleteVhost(name);
    }

    /** What a test needs done to the broker. */
    private interface Admin {
        void addVhost(String vhost);

        void deleteVhost(String vhost);

        void closeConnections(String vhost);
    }

    /** Through the management plugin's HTTP API. */
    private record Management(HttpClient http, URI base, String authorization, String user) implements Admin {
        /** The management API, or null when nothing answers there. */
        static Management reachable(String user, String password) {
            var base = URI.create(System.getProperty("overcast.test.rabbit.management", "http://127.0.0.1:15672"));
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            var management = new Management(http, base, authorization, user);
            try {
                management.send("GET", "/api/overview", null, 200);
                return management;
            } catch (IOException e) { // nothing listens there (ConnectException, HttpConnectTimeoutException, ...)
                return null;
            }
        }

        @Override
        public void addVhost(String vhost) {
            uncheck(() -> {
                send("PUT", "/api/vhosts/" + path(vhost), null, 201, 204);
                send("PUT", "/api/permissions/" + path(vhost) + "/" + path(user),
                        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}", 201, 204);
            });
        }

        @Override
        public void deleteVhost(String vhost) {
            uncheck(() -> send("DELETE", "/api/vhosts/" + path(vhost), null, 204, 404));
        }

        @Override
        public void closeConnections(String vhost) {
            uncheck(() -> {
                String json = send("GET", "/api/vhosts/" + path(vhost) + "/connections", null, 200);
                var matcher = java.util.regex.Pattern.compile("\"name\":\"([^\"]+)\"").matcher(json);
                while (matcher.find()) {
                    send("DELETE", "/api/connections/" + path(matcher.group(1)), null, 204, 404);
                }
            });
        }

        private String send(String verb, String path, String body, int... expected) throws IOException {
            var request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(PATIENCE)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response.body();
                }
            }
            throw new IllegalStateException("RabbitMQ management API: " + verb + " " + path + " answered "
                    + response.statusCode() + ": " + response.body());
        }

        private static String path(String segment) {
            return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private interface IoAction {
            void run() throws IOException;
        }

        private void uncheck(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new IllegalStateException("RabbitMQ management API at " + base + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** With rabbitmqctl on this machine, for a broker without the management plugin. */
    private record Ctl(String user) implements Admin {
        @Override
        public void addVhost(String vhost) {
            run("add_vhost", vhost);
            run("set_permissions", "-p", vhost, user, ".*", ".*", ".*");
        }

        @Override
        public void deleteVhost(String vhost) {
            run("delete_vhost", vhost);
        }

        @Override
        public void closeConnections(String vhost) {
            run("close_all_connections", "--vhost", vhost, "closed by a test");
        }

        private static void run(String... arguments) {
            var command = new ArrayList<String>();
            command.add(System.getProperty("overcast.test.rabbit.ctl", "rabbitmqctl"));
            command.addAll(List.of(arguments));
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + PATIENCE);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                            + "): " + output.strip());
                }
            } catch (IOException e) {
                throw new IllegalStateException("the RabbitMQ tests need a broker: the management API did not answer and "
                        + String.join(" ", command) + " could not run: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
            }
        }
    }
}
