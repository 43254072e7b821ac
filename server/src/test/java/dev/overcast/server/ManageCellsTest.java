package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code overcast manage cell_v2 ...} on the databases an all-in-one left, as nova-manage is used. */
class ManageCellsTest {

    record Run(int code, String out) {
    }

    static Run manage(Path dir, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
        List<String> all = new java.util.ArrayList<>(List.of("manage", "cell_v2"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", dir.toString()));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString());
    }

    @Test
    void cellsAreListedCreatedDiscoveredAndDeleted(@TempDir Path dir) {
        try (Overcast overcast = Overcast.start(ComputeEndToEndTest.config(dir, Map.of()))) {
            assertThat(overcast.compute().agent().hosts()).hasSize(3);
        }
        Run list = manage(dir, "list_cells");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("| cell0 | 00000000-0000-0000-0000-000000000000", "cell1",
                "schema:compute_cell1");

        Run created = manage(dir, "create_cell", "--name", "cell2", "--database_connection", "schema:compute_cell2");
        assertThat(created.code()).as(created.out()).isZero();
        String cell2 = created.out().strip();
        assertThat(manage(dir, "list_cells").out()).contains(cell2);
        assertThat(manage(dir, "create_cell", "--name", "again", "--database_connection", "schema:compute_cell2")
                .code()).isEqualTo(2);

        Run discovered = manage(dir, "discover_hosts", "--verbose");
        assertThat(discovered.out()).contains("0 host(s) mapped.");
        assertThat(manage(dir, "map_instances", "--cell_uuid", cell2).out()).contains("0 instance(s) mapped.");

        String cell1 = list.out().lines().filter(l -> l.contains("| cell1 ")).findFirst().orElseThrow()
                .split("\\|")[2].strip();
        Run refused = manage(dir, "delete_cell", "--cell_uuid", cell1);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.out()).contains("There are existing hosts mapped to cell with uuid " + cell1);
        assertThat(manage(dir, "delete_cell", "--cell_uuid", cell2).code()).isZero();
        assertThat(manage(dir, "list_cells").out()).doesNotContain(cell2);
    }
}
