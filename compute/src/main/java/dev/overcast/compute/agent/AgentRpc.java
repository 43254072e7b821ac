package dev.overcast.compute.agent;

import dev.overcast.compute.instances.PowerState;
import java.util.List;

import dev.overcast.compute.virt.InstanceInfo;
import dev.overcast.compute.virt.InstanceSpec;
import dev.overcast.compute.virt.VirtDriver;
import dev.overcast.core.bus.Dispatcher;
import dev.overcast.core.bus.Method;
import dev.overcast.core.bus.Target;

/**
 * The compute agent's API on the bus, topic {@code compute}, one server per host (Nova's
 * compute RPC API, lean). Version 1.0:
 * <ul>
 * <li>{@code spawn} (call): an instance spec and the node → its power state once running; a
 *     failure is a {@link dev.overcast.core.bus.RemoteError} whose {@code retryable()} says
 *     whether another host may be tried;</li>
 * <li>{@code destroy} (call): removes an instance; one the host does not run is already gone;</li>
 * <li>{@code power_off}, {@code power_on}, {@code reboot} (calls) → the power state after; from 1.1 also
 *     {@code pause}, {@code unpause}, {@code suspend}, {@code resume}; from 1.2 also {@code rescue} and
 *     {@code unrescue};</li>
 * <li>{@code console_output} (call): an instance's console log, its last {@code length} lines
 *     when given;</li>
 * <li>{@code list_instances} (call): what the host runs, with power states;</li>
 * <li>{@code host_uptime} (call): the host's {@code uptime} line, for the hypervisors API.</li>
 * </ul>
 * {@link AgentClient} sends them; {@link ComputeAgent} serves them.
 */
public final class AgentRpc {
    private AgentRpc() {
    }

    public static final String TOPIC = "compute";
    public static final String VERSION = "1.0";

    static final Method SPAWN = Method.of("spawn", VERSION);
    static final Method DESTROY = Method.of("destroy", VERSION);
    static final Method POWER_OFF = Method.of("power_off", VERSION);
    static final Method POWER_ON = Method.of("power_on", VERSION);
    static final Method REBOOT = Method.of("reboot", VERSION);
    static final Method CONSOLE_OUTPUT = Method.of("console_output", VERSION);
    static final Method LIST_INSTANCES = Method.of("list_instances", VERSION);
    static final Method HOST_UPTIME = Method.of("host_uptime", VERSION);
    static final Method PAUSE = Method.of("pause", "1.1");
    static final Method UNPAUSE = Method.of("unpause", "1.1");
    static final Method SUSPEND = Method.of("suspend", "1.1");
    static final Method RESUME = Method.of("resume", "1.1");
    static final Method RESCUE = Method.of("rescue", "1.2");
    static final Method UNRESCUE = Method.of("unrescue", "1.2");

    /** The agent of {@code host}. */
    public static Target host(String host) {
        return Target.of(TOPIC).onServer(host);
    }

    /** @param node the node to build on, or null for the host's first */
    public record SpawnArgs(String node, InstanceSpec instance) {
    }

    public record InstanceArgs(String uuid) {
    }

    public record RebootArgs(String uuid, boolean hard) {
    }

    /** @param length how many of the last lines to return, or null for all */
    public record ConsoleArgs(String uuid, Integer length) {
    }

    public record PowerStateReply(PowerState powerState) {
    }

    public record ConsoleReply(String output) {
    }

    public record InstancesReply(List<InstanceInfo> instances) {
    }

    public record UptimeReply(String uptime) {
    }

    public record NoArgs() {
    }

    /** What one host answers: its driver's calls, for that host only. */
    static Dispatcher dispatcher(String host, VirtDriver driver, SpawnListener spawns) {
        return Dispatcher.builder(VERSION)
                .on("spawn", SpawnArgs.class, (args, context) -> {
                    try {
                        PowerState state = driver.spawn(host, args.node(), args.instance());
                        spawns.succeeded(host, args.node());
                        return new PowerStateReply(state);
                    } catch (RuntimeException e) {
                        spawns.failed(host, args.node());
                        throw e;
                    }
                })
                .on("destroy", InstanceArgs.class, (args, context) -> {
                    driver.destroy(host, args.uuid());
                    return null;
                })
                .on("power_off", InstanceArgs.class, (args, context) ->
                        new PowerStateReply(driver.powerOff(host, args.uuid())))
                .on("power_on", InstanceArgs.class, (args, context) ->
                        new PowerStateReply(driver.powerOn(host, args.uuid())))
                .on("reboot", RebootArgs.class, (args, context) ->
                        new PowerStateReply(driver.reboot(host, args.uuid(), args.hard())))
                .on("console_output", ConsoleArgs.class, (args, context) ->
                        new ConsoleReply(lastLines(driver.consoleOutput(host, args.uuid()), args.length())))
                .on("list_instances", NoArgs.class, (args, context) -> new InstancesReply(driver.instances(host)))
                .on("host_uptime", NoArgs.class, (args, context) -> new UptimeReply(driver.uptime(host)))
                .on("pause", "1.1", InstanceArgs.class, (args, context) ->
                        new PowerStateReply(driver.pause(host, args.uuid())))
                .on("unpause", "1.1", InstanceArgs.class, (args, context) ->
                        new PowerStateReply(driver.unpause(host, args.uuid())))
                .on("suspend", "1.1", InstanceArgs.class, (args, context) ->
                        new PowerStateReply(driver.suspend(host, args.uuid())))
                .on("resume", "1.1", InstanceArgs.class, (args, context) ->
                        new PowerStateReply(driver.resume(host, args.uuid())))
                .on("rescue", "1.2", InstanceArgs.class, (args, context) ->
                        new PowerStateReply(driver.rescue(host, args.uuid())))
                .on("unrescue", "1.2", InstanceArgs.class, (args, context) ->
                        new PowerStateReply(driver.unrescue(host, args.uuid())))
                .build();
    }

    /** Told of each spawn's outcome, for the build-failure count the scheduler weighs. */
    interface SpawnListener {
        void succeeded(String host, String node);

        void failed(String host, String node);
    }

    /** The last {@code length} lines of {@code text}, as Nova's {@code get_console_output} cuts them. */
    static String lastLines(String text, Integer length) {
        if (length == null) {
            return text;
        }
        if (length <= 0) {
            return "";
        }
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        int from = Math.max(0, count - length);
        StringBuilder out = new StringBuilder();
        for (int i = from; i < count; i++) {
            out.append(lines[i]).append('\n');
        }
        return out.toString();
    }
}
