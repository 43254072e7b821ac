package dev.overcast.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.overcast.core.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code overcast} command. With no subcommand it runs the all-in-one server. */
@Command(name = "overcast", mixinStandardHelpOptions = true, version = "overcast 0.1.0",
        description = "An OpenStack-compatible cloud control plane in one JVM.",
        subcommands = {Main.AllInOne.class, ManageCommand.class, BenchCommand.class, TrainCommand.class},
        footer = {"",
                "Every option is also read from a YAML file (--config) and from OVERCAST_* environment variables:",
                "  OVERCAST_BIND, OVERCAST_PORT, OVERCAST_DATA_DIR, OVERCAST_PUBLIC_URL, OVERCAST_REGION (RegionOne),",
                "  OVERCAST_ADMIN_PASSWORD (first start; default: generated into DATA_DIR/admin-password),",
                "  OVERCAST_DATABASE_URL (default: H2 under DATA_DIR; or jdbc:postgresql://HOST:5432/DB),",
                "  OVERCAST_DATABASE_USER, OVERCAST_DATABASE_PASSWORD, OVERCAST_DATABASE_POOL_SIZE (8),",
                "  OVERCAST_TOKEN_EXPIRATION (seconds, 3600), OVERCAST_PASSWORD_HASH_ROUNDS (bcrypt cost, 12),",
                "  OVERCAST_MAX_BODY_BYTES (1048576), OVERCAST_POLICY_DIR (DATA_DIR/policy: <service>.yaml overrides),",
                "  OVERCAST_SECURITY_COMPLIANCE_* (Keystone's [security_compliance] options; all off by default),",
                "  OVERCAST_IMAGE_IMAGE_SIZE_CAP (bytes, 1 TiB), OVERCAST_IMAGE_IMAGE_SIZE_TOTAL (bytes per project, -1: none),",
                "  OVERCAST_PLACEMENT_RANDOMIZE_ALLOCATION_CANDIDATES (false),",
                "  OVERCAST_BUS_URL (default: the in-process bus; or amqp://USER:PASSWORD@HOST:5672/VHOST for RabbitMQ).",
                "The README's configuration table describes each."})
public final class Main implements Callable<Integer> {

    /** Options every command shares: where the configuration comes from. */
    static final class ServerOptions {
        @Option(names = "--config", description = "YAML configuration file (env: OVERCAST_CONFIG).")
        Path config;

        @Option(names = "--bind", description = "Address to listen on (env: OVERCAST_BIND; default 127.0.0.1).")
        String bind;

        @Option(names = "--port", description = "Port for every API (env: OVERCAST_PORT; default 8080).")
        Integer port;

        @Option(names = "--data-dir", description = "Data directory: embedded database, token keys, admin password "
                + "(env: OVERCAST_DATA_DIR; default ./data).")
        Path dataDir;

        @Option(names = "--public-url", description = "Base URL advertised in the catalog "
                + "(env: OVERCAST_PUBLIC_URL; default http://BIND:PORT).")
        String publicUrl;

        OvercastConfig load() {
            Map<String, String> env = System.getenv();
            Path file = config != null ? config : env.containsKey("OVERCAST_CONFIG") ? Path.of(env.get("OVERCAST_CONFIG")) : null;
            Map<String, Object> overrides = new LinkedHashMap<>();
            overrides.put("bind", bind);
            overrides.put("port", port);
            overrides.put("data_dir", dataDir == null ? null : dataDir.toString());
            overrides.put("public_url", publicUrl);
            return ConfigLoader.load(OvercastConfig.class, file, env, overrides);
        }
    }

    @CommandLine.Mixin
    ServerOptions options = new ServerOptions();

    public static void main(String[] args) {
        int code = new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("overcast: " + e.getMessage());
                    return 1;
                })
                .execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws InterruptedException {
        return serve(options.load());
    }

    /** {@code overcast all-in-one}: the same as no subcommand. */
    @Command(name = "all-in-one", mixinStandardHelpOptions = true,
            description = "Run every service in this process (embedded H2, in-process bus, simulated hosts).")
    static final class AllInOne implements Callable<Integer> {
        @CommandLine.Mixin
        ServerOptions options = new ServerOptions();

        @Override
        public Integer call() throws InterruptedException {
            return serve(options.load());
        }
    }

    static int serve(OvercastConfig config) throws InterruptedException {
        Overcast overcast = Overcast.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            overcast.close();
            stopped.countDown();
        }, "overcast-shutdown"));
        System.out.println(Banner.text(overcast));
        System.out.flush();
        stopped.await();
        return 0;
    }
}
