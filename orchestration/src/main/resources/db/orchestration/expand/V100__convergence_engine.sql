-- What the convergence engine's workers share about a traversal besides its sync points: the
-- definition it converges to, the graph every worker follows, and the definition a failed update
-- rolls back to. Written once when the traversal starts, read by any worker.
create table conv_traversals (
    stack_id varchar(64) not null,
    traversal_id varchar(64) not null,
    action varchar(16) not null,
    definition text not null,
    graph text not null,
    previous text,
    created_at bigint not null,
    primary key (stack_id, traversal_id)
);

-- Physical resources an update replaced: deleted by the resource's CLEANUP step, once every
-- resource that used them moved to the replacement.
create table conv_replaced (
    stack_id varchar(64) not null,
    resource_name varchar(255) not null,
    physical_id varchar(255) not null,
    old_row text not null,
    primary key (stack_id, resource_name, physical_id)
);

-- The final nodes that reported to a stack's sync point, one row each, so that a fan-out of a
-- thousand final nodes does not rewrite one growing row a thousand times.
create table conv_stack_done (
    stack_id varchar(64) not null,
    traversal_id varchar(64) not null,
    entity_id varchar(255) not null,
    is_update boolean not null,
    primary key (stack_id, traversal_id, entity_id, is_update)
);
