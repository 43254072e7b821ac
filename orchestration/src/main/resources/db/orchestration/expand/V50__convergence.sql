-- The convergence engine's own tables (prefix conv_). Times are epoch milliseconds: H2 and
-- PostgreSQL agree on bigint, not on timestamp zones. JSON is text, parsed by the application.

-- One sync point per graph node (and one for the stack) and traversal: the inputs received so far.
-- A worker locks the row (select ... for update), adds its input and learns whether it completed
-- the set, so exactly one of the racing predecessors fires the successor. The stack is part of the
-- key so that resource keys need only be unique within a stack (names work as well as ids), and
-- the key's prefix serves the removal of a traversal's sync points.
create table conv_sync_points (
    stack_id varchar(64) not null,
    traversal_id varchar(64) not null,
    entity_id varchar(255) not null,
    is_update boolean not null,
    input_data text not null,
    created_at bigint not null,
    updated_at bigint not null,
    primary key (stack_id, traversal_id, entity_id, is_update)
);

-- A stack's current traversal ('' when none runs). The stack store may take this over as a column
-- of its stack row; until then the engine keeps it here.
create table conv_stack_traversals (
    stack_id varchar(64) primary key,
    current_traversal varchar(64) not null,
    updated_at bigint not null
);

-- Live engines: each heartbeats, extending its lease; an engine whose lease lapsed is dead.
create table conv_engines (
    engine_id varchar(64) primary key,
    heartbeat_at bigint not null,
    lease_until bigint not null
);

-- Which engine works on which resource, for which traversal. A lock of a dead engine is taken over.
create table conv_resource_locks (
    resource_id varchar(255) primary key,
    engine_id varchar(64) not null,
    traversal_id varchar(64) not null,
    acquired_at bigint not null
);
