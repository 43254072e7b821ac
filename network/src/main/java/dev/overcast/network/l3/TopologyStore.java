package dev.overcast.network.l3;

import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Auto-allocated topologies, one per project. */
@RegisterConstructorMapper(TopologyStore.Topology.class)
interface TopologyStore {

    /** A project's topology; network and router are null while it is being built. */
    public record Topology(String projectId, String networkId, String routerId) {
    }

    @SqlQuery("select project_id, network_id, router_id from auto_allocated_topologies where project_id = :project")
    Optional<Topology> find(@Bind("project") String projectId);

    /** Claims the project's topology; a second claim fails on the key (or waits for the first to commit). */
    @SqlUpdate("insert into auto_allocated_topologies (project_id) values (:project)")
    void claim(@Bind("project") String projectId);

    @SqlUpdate("update auto_allocated_topologies set network_id = :network, router_id = :router where project_id = :project")
    void complete(@Bind("project") String projectId, @Bind("network") String networkId, @Bind("router") String routerId);

    @SqlUpdate("delete from auto_allocated_topologies where project_id = :project")
    void delete(@Bind("project") String projectId);
}
