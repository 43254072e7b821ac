-- Subnet pools: prefixes subnets are carved from. A subnet remembers its pool, so the pool's
-- free space is the prefixes minus its subnets' CIDRs.
create table subnetpools (
    id                varchar(36)  primary key,
    name              varchar(255) not null,
    project_id        varchar(255) not null,
    ip_version        integer      not null,
    prefixes          text         not null,
    default_prefixlen integer      not null,
    min_prefixlen     integer      not null,
    max_prefixlen     integer      not null,
    shared            boolean      not null,
    is_default        boolean      not null,
    description       varchar(255) not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    revision_number   bigint       not null
);
create index subnetpools_project on subnetpools (project_id);

alter table subnets add column subnetpool_id varchar(36);
create index subnets_subnetpool on subnets (subnetpool_id);
