package dev.overcast.server;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.cells.Cells;
import dev.overcast.compute.cells.HostMappings;
import dev.overcast.core.Closeables;
import dev.overcast.core.db.DatabaseSettings;
import dev.overcast.core.db.ServiceDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code overcast manage}: operator commands that work on the databases directly, named as
 * {@code nova-manage}'s. They need no running server.
 */
@Command(name = "manage", mixinStandardHelpOptions = true, description = "Operator commands (as nova-manage).",
        subcommands = {ManageCommand.CellV2.class})
final class ManageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** The API database and the cells, opened from the configuration; closes everything it opened. */
    static final class Databases implements AutoCloseable {
        final Closeables open = new Closeables();
        final Jdbi api;
        final Cells cells;
        final HostMappings hosts;

        Databases(OvercastConfig config) {
            DatabaseSettings settings = Overcast.databaseSettings(config);
            api = open.add(ServiceDatabase.open(settings, "compute_api")).jdbi();
            cells = new Cells(api, new CellDatabaseOpener(settings, open::add), Clock.systemUTC());
            hosts = cells.hosts();
        }

        @Override
        public void close() {
            open.close();
        }
    }

    @Command(name = "cell_v2", mixinStandardHelpOptions = true, description = "Cells v2 management.",
            subcommands = {ListCells.class, CreateCell.class, DiscoverHosts.class, MapInstances.class,
                    DeleteCell.class, SimpleCellSetup.class})
    static final class CellV2 implements Callable<Integer> {
        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 2;
        }
    }

    /** Base of the cell_v2 commands: configuration options and the opened databases. */
    abstract static class CellCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Main.ServerOptions options = new Main.ServerOptions();

        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Databases db = new Databases(options.load())) {
                return run(db, out);
            } finally {
                out.flush();
            }
        }

        abstract int run(Databases db, PrintWriter out);

        CellMapping cell(Databases db, String uuid) {
            return db.cells.byUuid(uuid).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), "Cell with uuid " + uuid + " was not found."));
        }
    }

    @Command(name = "list_cells", description = "Lists the cells, credentials masked.")
    static final class ListCells extends CellCommand {
        @Option(names = "--verbose", description = "Show credentials unmasked.")
        boolean verbose;

        @Override
        int run(Databases db, PrintWriter out) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Name", "UUID", "Transport URL", "Database Connection", "Disabled"});
            for (CellMapping c : db.cells.all()) {
                rows.add(new String[] {c.name() == null ? "" : c.name(), c.uuid(), mask(c.transportUrl()),
                        mask(c.databaseConnection()), Boolean.toString(c.disabled())});
            }
            out.print(Table.render(rows));
            return 0;
        }

        private String mask(String url) {
            return verbose ? url : url.replaceAll("(://[^:/@]+:)[^@]*@", "$1****@")
                    .replaceAll("(?i)(password=)[^&;]*", "$1****");
        }
    }

    @Command(name = "create_cell", description = "Maps a new cell.")
    static final class CreateCell extends CellCommand {
        @Option(names = "--name", description = "The cell's name.")
        String name;

        @Option(names = "--transport-url", description = "The cell's bus (default: none:, the default bus).")
        String transportUrl = "none:";

        @Option(names = "--database_connection", required = true,
                description = "The cell's database: schema:<name> beside the API database, or a JDBC URL.")
        String databaseConnection;

        @Option(names = "--disabled", description = "Create it disabled: no new instances are scheduled to it.")
        boolean disabled;

        @Override
        int run(Databases db, PrintWriter out) {
            for (CellMapping c : db.cells.all()) {
                if (c.databaseConnection().equals(databaseConnection)) {
                    out.println("The specified transport_url and/or database_connection combination already exists "
                            + "for another cell with uuid " + c.uuid() + ".");
                    return 2;
                }
            }
            CellMapping cell = db.cells.create(null, name, transportUrl, databaseConnection);
            db.cells.db(cell); // Opening it creates and migrates its schema.
            out.println(cell.uuid());
            return 0;
        }
    }

    @Command(name = "discover_hosts", description = "Maps compute hosts that reported into a cell.")
    static final class DiscoverHosts extends CellCommand {
        @Option(names = "--cell_uuid", description = "Only this cell.")
        String cellUuid;

        @Option(names = {"--verbose", "-v"}, description = "Print each host mapped.")
        boolean verbose;

        @Override
        int run(Databases db, PrintWriter out) {
            List<String> mapped = db.hosts.discover(cellUuid == null ? null : cell(db, cellUuid));
            if (verbose) {
                mapped.forEach(m -> out.println("Found " + m));
                out.println(mapped.size() + " host(s) mapped.");
            }
            return 0;
        }
    }

    @Command(name = "map_instances", description = "Maps a cell's instances that have no mapping.")
    static final class MapInstances extends CellCommand {
        @Option(names = "--cell_uuid", required = true, description = "The cell whose instances to map.")
        String cellUuid;

        @Override
        int run(Databases db, PrintWriter out) {
            CellMapping cell = cell(db, cellUuid);
            List<String[]> unmapped = db.cells.db(cell).withHandle(h -> h.createQuery(
                            "select uuid, project_id, user_id, deleted from instances")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            Boolean.toString(rs.getBoolean(4))})
                    .list());
            int mapped = 0;
            for (String[] i : unmapped) {
                mapped += db.api.withHandle(h -> {
                    if (h.createQuery("select count(*) from instance_mappings where instance_uuid = :u")
                            .bind("u", i[0]).mapTo(Integer.class).one() > 0) {
                        return 0;
                    }
                    return h.createUpdate("""
                                    insert into instance_mappings (instance_uuid, cell_id, project_id, user_id,
                                        queued_for_delete, created_at)
                                    values (:u, :cell, :p, :user, :deleted, :now)""")
                            .bind("u", i[0]).bind("cell", cell.id()).bind("p", i[1]).bind("user", i[2])
                            .bind("deleted", Boolean.parseBoolean(i[3])).bind("now", Instant.now()).execute();
                });
            }
            out.println(mapped + " instance(s) mapped.");
            return 0;
        }
    }

    @Command(name = "delete_cell", description = "Removes an empty cell's mapping.")
    static final class DeleteCell extends CellCommand {
        @Option(names = "--cell_uuid", required = true, description = "The cell to delete.")
        String cellUuid;

        @Option(names = "--force", description = "Also remove its host mappings (its instances must be gone).")
        boolean force;

        @Override
        int run(Databases db, PrintWriter out) {
            CellMapping cell = cell(db, cellUuid);
            int hosts = db.api.withHandle(h -> h.createQuery("select count(*) from host_mappings where cell_id = :c")
                    .bind("c", cell.id()).mapTo(Integer.class).one());
            int instances = db.api.withHandle(h -> h.createQuery(
                            "select count(*) from instance_mappings where cell_id = :c and queued_for_delete = false")
                    .bind("c", cell.id()).mapTo(Integer.class).one());
            if (instances > 0) {
                out.println("There are existing instances mapped to cell with uuid " + cellUuid + ".");
                return 3;
            }
            if (hosts > 0 && !force) {
                out.println("There are existing hosts mapped to cell with uuid " + cellUuid + ".");
                return 2;
            }
            db.api.useTransaction(h -> {
                h.createUpdate("delete from host_mappings where cell_id = :c").bind("c", cell.id()).execute();
                h.createUpdate("delete from instance_mappings where cell_id = :c").bind("c", cell.id()).execute();
            });
            db.cells.delete(cell);
            return 0;
        }
    }

    @Command(name = "simple_cell_setup", description = "Maps cell0 and cell1 when no cell is mapped yet.")
    static final class SimpleCellSetup extends CellCommand {
        @Override
        int run(Databases db, PrintWriter out) {
            db.cells.setUpDefaultCells();
            db.cells.all().forEach(c -> db.cells.db(c));
            db.hosts.discover(null);
            return 0;
        }
    }
}
