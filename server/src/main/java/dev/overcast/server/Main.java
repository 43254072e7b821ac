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
        subcommands = {Main.AllInOne.class, BenchCommand.class})
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
        if (code != 0 || args.length == 0 || !args[0].equals("bench")) {
            System.exit(code);
        }
        System.exit(0);
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
