-- Stack snapshots: Heat's snapshot data (what abandon shows: template, environment, resources
-- with their ids and data) and the exact definition (template text, files, environment,
-- parameters) a restore gives the stack back. A stack's delete removes them; the cascade covers
-- stack rows that are purged.
create table stack_snapshot (
    id            varchar(36)  primary key,
    stack_id      varchar(36)  not null references stack (id) on delete cascade,
    project_id    varchar(64)  not null,
    name          varchar(255),
    status        varchar(32)  not null,
    status_reason text         not null,
    data          text         not null,
    definition    text         not null,
    created_at    timestamp with time zone not null
);
create index stack_snapshot_stack on stack_snapshot (stack_id);
