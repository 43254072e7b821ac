-- Quota limits a project has other than the defaults (Neutron's quotas extension).
create table quotas (
    project_id varchar(255) not null,
    resource   varchar(64)  not null,
    hard_limit integer      not null,
    primary key (project_id, resource)
);

-- One row per project that has created something counted, locked (select for update) by every
-- quota check in the creating transaction, so that two racing creates cannot both take the
-- last unit: the second one counts after the first has committed.
create table quota_locks (
    project_id varchar(255) not null primary key
);
