package dev.overcast.core.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One service's schema: a connection pool, JDBI, and its Flyway migrations. Migrations live
 * in {@code db/<service>/expand} (additive, applied at start, safe while older code runs)
 * and {@code db/<service>/contract} (removals, applied only by the operator once every
 * node runs the new code); each folder has its own history table.
 */
public final class ServiceDatabase implements AutoCloseable {
    private final String service;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private ServiceDatabase(String service, HikariDataSource dataSource) {
        this.service = service;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    /** Opens the pool for {@code service} and applies its expand migrations. */
    public static ServiceDatabase open(DatabaseSettings settings, String service) {
        if (!service.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("service schema name must be lower-case letters, digits, _: " + service);
        }
        createSchema(settings, service);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("db-" + service);
        config.setSchema(service);
        config.setConnectionTimeout(10_000);
        ServiceDatabase db = new ServiceDatabase(service, new HikariDataSource(config));
        try {
            db.migrate("expand");
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The pool's connections use the service's schema, so it must exist before the pool starts. */
    private static void createSchema(DatabaseSettings settings, String service) {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + service);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database at " + settings.url() + ": " + e.getMessage(), e);
        }
    }

    /** Applies the contract migrations: run only after every node runs the new code. */
    public void contract() {
        migrate("contract");
    }

    private void migrate(String phase) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(service)
                .createSchemas(true)
                .locations("classpath:db/" + service + "/" + phase)
                .table("flyway_" + phase + "_history")
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
