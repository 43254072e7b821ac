package dev.overcast.server;

import java.nio.file.Path;

import dev.overcast.identity.SecurityCompliance;
import dev.overcast.image.ImageSettings;

/**
 * Overcast's configuration: one YAML file ({@code --config}), each option also settable by
 * an environment variable ({@code OVERCAST_} + its path in upper case, e.g.
 * {@code OVERCAST_DATABASE_URL}) and the main ones by command-line options.
 *
 * @param bind               address to listen on; default {@code 127.0.0.1} ({@code OVERCAST_BIND})
 * @param port               port for every API; default {@code 8080} ({@code OVERCAST_PORT})
 * @param dataDir            where the embedded database, token keys and the admin password file live;
 *                           default {@code ./data} ({@code OVERCAST_DATA_DIR})
 * @param publicUrl          the base URL the catalog advertises; default {@code http://BIND:PORT}
 * @param region             region name in the catalog; default {@code RegionOne}
 * @param adminPassword      the bootstrapped admin's password on first start; default: generated and
 *                           saved to {@code DATA_DIR/admin-password} (mode 0600)
 * @param database           the database; default embedded H2 under the data dir
 * @param token              token options
 * @param passwordHashRounds bcrypt cost for password hashes; default 12 (Keystone's)
 * @param maxBodyBytes       largest request body accepted, in bytes; default 1048576
 * @param policyDir          a directory of operator policy overrides, one {@code <service>.yaml} each;
 *                           default {@code DATA_DIR/policy}
 * @param securityCompliance Keystone's {@code [security_compliance]} options under the same names
 *                           ({@code security_compliance.lockout_failure_attempts},
 *                           {@code OVERCAST_SECURITY_COMPLIANCE_LOCKOUT_FAILURE_ATTEMPTS}, ...), each
 *                           documented with its default and unit on {@link SecurityCompliance};
 *                           default: every feature off, as in Keystone
 * @param image              Image service options
 * @param placement          Placement service options
 * @param bus                the message bus between the roles
 * @param compute            Compute options: the simulated hypervisors of the all-in-one
 * @param orchestration      Orchestration options
 */
public record OvercastConfig(String bind, Integer port, Path dataDir, String publicUrl, String region,
                             String adminPassword, Database database, Token token, Integer passwordHashRounds,
                             Long maxBodyBytes, Path policyDir, SecurityCompliance securityCompliance, Image image,
                             Placement placement, Bus bus, Compute compute, Orchestration orchestration) {

    public OvercastConfig {
        bind = bind == null ? "127.0.0.1" : bind;
        port = port == null ? 8080 : port;
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        region = region == null ? "RegionOne" : region;
        database = database == null ? new Database(null, null, null, null) : database;
        token = token == null ? new Token(null) : token;
        passwordHashRounds = passwordHashRounds == null ? 12 : passwordHashRounds;
        maxBodyBytes = maxBodyBytes == null ? 1024L * 1024 : maxBodyBytes;
        policyDir = policyDir == null ? dataDir.resolve("policy") : policyDir.toAbsolutePath().normalize();
        securityCompliance = securityCompliance == null ? SecurityCompliance.OFF : securityCompliance;
        image = image == null ? new Image(null, null) : image;
        placement = placement == null ? new Placement(null) : placement;
        bus = bus == null ? new Bus(null) : bus;
        compute = compute == null ? new Compute(null, null, null, null, null, null, null, null) : compute;
        orchestration = orchestration == null ? new Orchestration(null, null, null, null, null) : orchestration;
    }

    /**
     * @param defaultEngine the engine new stacks get, {@code legacy} or {@code convergence}; default
     *                      {@code convergence}, as in Heat ({@code OVERCAST_ORCHESTRATION_DEFAULT_ENGINE})
     * @param engineId      this process's engine id, written into stack and resource locks; default the
     *                      host name. Two processes on one host sharing a database need distinct ids
     *                      ({@code OVERCAST_ORCHESTRATION_ENGINE_ID})
     * @param engineLeaseSeconds how long an engine counts as alive after its last heartbeat (and a
     *                      legacy stack lock lasts without renewal): after it, other engines take its
     *                      work over; default 60 ({@code OVERCAST_ORCHESTRATION_ENGINE_LEASE_SECONDS})
     * @param enableStackAbandon whether {@code stack abandon} is allowed; default false, as in Heat
     * @param enableStackAdopt   whether {@code stack adopt} is allowed; default false, as in Heat
     */
    public record Orchestration(String defaultEngine, String engineId, Integer engineLeaseSeconds,
                                Boolean enableStackAbandon, Boolean enableStackAdopt) {
        public Orchestration {
            defaultEngine = defaultEngine == null ? "convergence" : defaultEngine;
            if (!defaultEngine.equals("legacy") && !defaultEngine.equals("convergence")) {
                throw new IllegalArgumentException("orchestration.default_engine must be legacy or convergence, not "
                        + defaultEngine);
            }
            engineLeaseSeconds = engineLeaseSeconds == null ? 60 : engineLeaseSeconds;
            enableStackAbandon = enableStackAbandon != null && enableStackAbandon;
            enableStackAdopt = enableStackAdopt != null && enableStackAdopt;
            if (engineLeaseSeconds < 1) {
                throw new IllegalArgumentException("orchestration.engine_lease_seconds must be at least 1, not "
                        + engineLeaseSeconds);
            }
        }
    }

    /**
     * The all-in-one's simulated hypervisors ({@code fake} driver), one node per host, in cell1.
     *
     * @param fakeHosts         hosts to simulate; default 4 ({@code OVERCAST_COMPUTE_FAKE_HOSTS}); 0 for none
     * @param fakeHostVcpus     vCPUs per host; default 16
     * @param fakeHostRamMb     RAM per host in MiB; default 65536
     * @param fakeHostDiskGb    local disk per host in GiB; default 1000
     * @param spawnLatencyMs    how long a simulated spawn takes, in milliseconds; default 0
     * @param spawnFailureRate  the share of spawns that fail (0 to 1), to exercise reschedules; default 0
     * @param workflowLeaseSeconds how long a conductor holds a build or task before another may take it
     *                          over, in seconds; default 60
     * @param sweepIntervalSeconds how often the conductor looks for work nobody holds, in seconds; default 5
     */
    public record Compute(Integer fakeHosts, Integer fakeHostVcpus, Integer fakeHostRamMb, Integer fakeHostDiskGb,
                          Integer spawnLatencyMs, Double spawnFailureRate, Integer workflowLeaseSeconds,
                          Integer sweepIntervalSeconds) {
        public Compute {
            workflowLeaseSeconds = workflowLeaseSeconds == null ? 60 : workflowLeaseSeconds;
            sweepIntervalSeconds = sweepIntervalSeconds == null ? 5 : sweepIntervalSeconds;
            if (workflowLeaseSeconds < 1 || sweepIntervalSeconds < 1) {
                throw new IllegalArgumentException("compute: workflow_lease_seconds and sweep_interval_seconds must be "
                        + "at least 1");
            }
            fakeHosts = fakeHosts == null ? 4 : fakeHosts;
            fakeHostVcpus = fakeHostVcpus == null ? 16 : fakeHostVcpus;
            fakeHostRamMb = fakeHostRamMb == null ? 65536 : fakeHostRamMb;
            fakeHostDiskGb = fakeHostDiskGb == null ? 1000 : fakeHostDiskGb;
            spawnLatencyMs = spawnLatencyMs == null ? 0 : spawnLatencyMs;
            spawnFailureRate = spawnFailureRate == null ? 0.0 : spawnFailureRate;
            if (fakeHosts < 0 || spawnLatencyMs < 0 || spawnFailureRate < 0 || spawnFailureRate > 1) {
                throw new IllegalArgumentException("compute: fake_hosts and spawn_latency_ms must not be negative and "
                        + "spawn_failure_rate must be between 0 and 1");
            }
        }
    }

    /**
     * @param url the RabbitMQ broker, {@code amqp://user:password@host:5672/vhost}; default none: the
     *            in-process bus, for one process ({@code OVERCAST_BUS_URL})
     */
    public record Bus(String url) {
    }

    /**
     * @param randomizeAllocationCandidates whether allocation candidates come from a random place among the
     *                                      providers rather than in a stable order; default false (Placement's
     *                                      {@code randomize_allocation_candidates})
     */
    public record Placement(Boolean randomizeAllocationCandidates) {
        public Placement {
            randomizeAllocationCandidates = randomizeAllocationCandidates != null && randomizeAllocationCandidates;
        }
    }

    /**
     * @param url      JDBC URL: {@code jdbc:postgresql://host:5432/db} or {@code jdbc:h2:...};
     *                 default H2 at {@code DATA_DIR/db/overcast}
     * @param user     database user; default {@code sa} (H2)
     * @param password database password; default empty
     * @param poolSize connections per service; default 8
     */
    public record Database(String url, String user, String password, Integer poolSize) {
    }

    /**
     * @param imageSizeCap   largest image accepted, in bytes; default 1 TiB (Glance's {@code image_size_cap})
     * @param imageSizeTotal image bytes each project may store; default -1, no limit (Glance's {@code image_size_total})
     */
    public record Image(Long imageSizeCap, Long imageSizeTotal) {
        public Image {
            imageSizeCap = imageSizeCap == null ? ImageSettings.DEFAULT_SIZE_CAP : imageSizeCap;
            imageSizeTotal = imageSizeTotal == null ? -1L : imageSizeTotal;
        }
    }

    /** @param expiration token lifetime in seconds; default 3600 (Keystone's) */
    public record Token(Integer expiration) {
        public Token {
            expiration = expiration == null ? 3600 : expiration;
        }
    }

    /** The URL clients reach the server at (for the catalog): publicUrl, or http://bind:port. */
    public String effectivePublicUrl(int actualPort) {
        if (publicUrl != null) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + actualPort;
    }
}
