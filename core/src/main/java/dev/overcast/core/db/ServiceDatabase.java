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
    private final String schema;
    private final String migrations;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private ServiceDatabase(String schema, String migrations, HikariDataSource dataSource) {
        this.schema = schema;
        this.migrations = migrations;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    /** Opens the pool for {@code service} and applies its expand migrations. */
    public static ServiceDatabase open(DatabaseSettings settings, String service) {
        return open(settings, service, service);
    }

    /**
     * Opens the pool for schema {@code schema} holding the tables of migration set
     * {@code migrations}, for services with several schemas of one kind (Compute's cells:
     * schemas {@code compute_cell0}, {@code compute_cell1}, … all from {@code db/compute_cell}).
     */
    public static ServiceDatabase open(DatabaseSettings settings, String schema, String migrations) {
        for (String name : new String[] {schema, migrations}) {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("schema and migration names must be lower-case letters, digits, _: "
                        + name);
            }
        }
        createSchema(settings, schema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("db-" + schema);
        config.setSchema(schema);
        config.setConnectionTimeout(10_000);
        ServiceDatabase db = new ServiceDatabase(schema, migrations, new HikariDataSource(config));
        try {
            db.migrate("expand");
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The pool's connections use the service's schema, so it must exist before the pool starts. */
    private static void createSchema(DatabaseSettings settings, String schema) {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + schema);
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
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/" + migrations + "/" + phase)
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
