-- Security groups and their rules (Neutron's security-group extension).
create table security_groups (
    id              varchar(36)  not null primary key,
    project_id      varchar(255) not null,
    name            varchar(255) not null,
    description     varchar(255) not null,
    stateful        boolean      not null,
    created_at      timestamp    not null,
    updated_at      timestamp    not null,
    revision_number bigint       not null
);
create index security_groups_project on security_groups (project_id);

-- A rule goes with its group, and with the group it names as its remote (as upstream).
create table security_group_rules (
    id                varchar(36)  not null primary key,
    security_group_id varchar(36)  not null references security_groups (id) on delete cascade,
    project_id        varchar(255) not null,
    direction         varchar(16)  not null,
    ethertype         varchar(8)   not null,
    protocol          varchar(40),
    port_range_min    integer,
    port_range_max    integer,
    remote_ip_prefix  varchar(64),
    remote_group_id   varchar(36)  references security_groups (id) on delete cascade,
    description       varchar(255) not null,
    created_at        timestamp    not null,
    updated_at        timestamp    not null,
    revision_number   bigint       not null
);
create index security_group_rules_group on security_group_rules (security_group_id);
create index security_group_rules_project on security_group_rules (project_id);
create index security_group_rules_remote on security_group_rules (remote_group_id);

-- Each project's one `default` group. The primary key is what keeps it one when two first
-- requests race: the loser's insert does nothing and it reads the winner's group.
create table default_security_groups (
    project_id        varchar(255) not null primary key,
    security_group_id varchar(36)  not null references security_groups (id) on delete cascade
);
