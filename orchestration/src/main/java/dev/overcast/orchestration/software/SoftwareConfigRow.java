package dev.overcast.orchestration.software;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A software config: what a server's agent (the hook named by {@code group}) runs, with the
 * inputs it takes and the outputs it reports. Immutable once made.
 *
 * @param id        its id
 * @param name      its name, or null
 * @param group     the hook that runs it ({@code script}, {@code Heat::Ungrouped}, ...)
 * @param config    the configuration itself, usually text; any JSON value
 * @param inputs    the inputs, each normalised by {@link SoftwareIo#inputs}
 * @param outputs   the outputs, each normalised by {@link SoftwareIo#outputs}
 * @param options   options for the hook, or null
 * @param projectId the project that owns it
 * @param createdAt when it was made
 */
public record SoftwareConfigRow(String id, String name, String group, Object config,
                                List<Map<String, Object>> inputs, List<Map<String, Object>> outputs,
                                Map<String, Object> options, String projectId, Instant createdAt) {
    public SoftwareConfigRow {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
