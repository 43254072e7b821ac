package dev.overcast.orchestration.software;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.json.Json;

/**
 * Software configs and deployments in the orchestration database. A config's text, inputs,
 * outputs and options are one JSON column, as Heat keeps them. Every method is one short
 * transaction. The API and the config resource types share this store (plugins reach it
 * through {@code PluginServices}).
 */
public final class SoftwareStore {
    private static final String CONFIG_COLUMNS = "id, name, group_name, config, project_id, created_at";
    private static final String DEPLOYMENT_COLUMNS = "id, config_id, server_id, input_values, output_values, action, "
            + "status, status_reason, project_id, stack_user_project_id, created_at, updated_at";
    private final Jdbi jdbi;

    public SoftwareStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What deleting a config did. */
    public enum ConfigDeletion {
        DELETED,
        /** There was no such config. */
        MISSING,
        /** A deployment uses it, so it stays. */
        IN_USE
    }

    /**
     * Inserts a new config; a config with that id already is left as it is.
     *
     * @return the config as stored: {@code c}, or the one that was there
     */
    public SoftwareConfigRow insertConfig(SoftwareConfigRow c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("config", c.config());
        doc.put("inputs", c.inputs());
        doc.put("outputs", c.outputs());
        doc.put("options", c.options());
        return jdbi.inTransaction(h -> {
            Optional<SoftwareConfigRow> existing = findConfig(h, c.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            h.createUpdate("insert into software_config (" + CONFIG_COLUMNS + ") values (:id, :name, :group, "
                            + ":config, :project, :created)")
                    .bind("id", c.id()).bind("name", c.name()).bind("group", c.group())
                    .bind("config", Json.write(doc)).bind("project", c.projectId())
                    .bind("created", ts(c.createdAt())).execute();
            return c;
        });
    }

    /** @return the config, whatever its project */
    public Optional<SoftwareConfigRow> config(String id) {
        return jdbi.withHandle(h -> findConfig(h, id));
    }

    private static Optional<SoftwareConfigRow> findConfig(org.jdbi.v3.core.Handle h, String id) {
        return h.createQuery("select " + CONFIG_COLUMNS + " from software_config where id = :id").bind("id", id)
                .map(SoftwareStore::config).findOne();
    }

    /** @return the configs of a project, or of every project when {@code projectId} is null, oldest first */
    public List<SoftwareConfigRow> configs(String projectId) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("select " + CONFIG_COLUMNS + " from software_config"
                    + (projectId == null ? "" : " where project_id = :project") + " order by created_at, id");
            if (projectId != null) {
                q.bind("project", projectId);
            }
            return q.map(SoftwareStore::config).list();
        });
    }

    /** Deletes a config unless a deployment uses it. */
    public ConfigDeletion deleteConfig(String id) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("select count(*) from software_deployment where config_id = :id").bind("id", id)
                    .mapTo(Integer.class).one() > 0) {
                return ConfigDeletion.IN_USE;
            }
            int rows = h.createUpdate("delete from software_config where id = :id").bind("id", id).execute();
            return rows > 0 ? ConfigDeletion.DELETED : ConfigDeletion.MISSING;
        });
    }

    public void insertDeployment(SoftwareDeploymentRow d) {
        jdbi.useHandle(h -> bindDeployment(h.createUpdate("insert into software_deployment (" + DEPLOYMENT_COLUMNS
                + ") values (:id, :config, :server, :inputs, :outputs, :action, :status, :reason, :project, "
                + ":stackUserProject, :created, :updated)"), d).execute());
    }

    /** Writes every field of the deployment but its id, project and creation time. */
    public void updateDeployment(SoftwareDeploymentRow d) {
        jdbi.useHandle(h -> bindDeployment(h.createUpdate("update software_deployment set config_id = :config, "
                + "server_id = :server, input_values = :inputs, output_values = :outputs, action = :action, "
                + "status = :status, status_reason = :reason, stack_user_project_id = :stackUserProject, "
                + "updated_at = :updated where id = :id"), d).execute());
    }

    private static org.jdbi.v3.core.statement.Update bindDeployment(org.jdbi.v3.core.statement.Update u,
            SoftwareDeploymentRow d) {
        return u.bind("id", d.id()).bind("config", d.configId()).bind("server", d.serverId())
                .bind("inputs", d.inputValues() == null ? null : Json.write(d.inputValues()))
                .bind("outputs", d.outputValues() == null ? null : Json.write(d.outputValues()))
                .bind("action", d.action()).bind("status", d.status()).bind("reason", d.statusReason())
                .bind("project", d.projectId()).bind("stackUserProject", d.stackUserProjectId())
                .bind("created", ts(d.createdAt())).bind("updated", ts(d.updatedAt()));
    }

    /** @return the deployment, whatever its project */
    public Optional<SoftwareDeploymentRow> deployment(String id) {
        return jdbi.withHandle(h -> h.createQuery("select " + DEPLOYMENT_COLUMNS
                + " from software_deployment where id = :id").bind("id", id).map(SoftwareStore::deployment).findOne());
    }

    /**
     * @param serverId only those to this server, or null for all
     * @return the deployments {@code projectId} may see (as owner or as the stack users' project), oldest first
     */
    public List<SoftwareDeploymentRow> deployments(String projectId, String serverId) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("select " + DEPLOYMENT_COLUMNS + " from software_deployment where (project_id = "
                    + ":project or stack_user_project_id = :project)" + (serverId == null ? "" : " and server_id = :server")
                    + " order by created_at, id").bind("project", projectId);
            if (serverId != null) {
                q.bind("server", serverId);
            }
            return q.map(SoftwareStore::deployment).list();
        });
    }

    /** @return whether there was such a deployment */
    public boolean deleteDeployment(String id) {
        return jdbi.withHandle(h -> h.createUpdate("delete from software_deployment where id = :id").bind("id", id)
                .execute() > 0);
    }

    @SuppressWarnings("unchecked")
    private static SoftwareConfigRow config(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        Map<String, Object> doc = Json.read(rs.getString("config"), Map.class);
        return new SoftwareConfigRow(rs.getString("id"), rs.getString("name"), rs.getString("group_name"),
                doc.get("config"), (List<Map<String, Object>>) doc.get("inputs"),
                (List<Map<String, Object>>) doc.get("outputs"), (Map<String, Object>) doc.get("options"),
                rs.getString("project_id"), instant(rs, "created_at"));
    }

    private static SoftwareDeploymentRow deployment(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        return new SoftwareDeploymentRow(rs.getString("id"), rs.getString("config_id"), rs.getString("server_id"),
                map(rs.getString("input_values")), map(rs.getString("output_values")), rs.getString("action"),
                rs.getString("status"), rs.getString("status_reason"), rs.getString("project_id"),
                rs.getString("stack_user_project_id"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        return json == null ? null : Json.read(json, Map.class);
    }

    private static OffsetDateTime ts(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
