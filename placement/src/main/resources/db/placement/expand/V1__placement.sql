-- Placement's own schema. Standard resource classes and traits live in code; only custom
-- ones (CUSTOM_*) are rows. Every change to a provider (its inventory, traits, aggregates
-- or the allocations against it) bumps its generation, so writers detect concurrent
-- changes and the in-memory index keeps the newest copy.
create table resource_provider (
    uuid        varchar(36)  primary key,
    name        varchar(200) not null unique,
    generation  bigint       not null,
    parent_uuid varchar(36)  references resource_provider (uuid),
    root_uuid   varchar(36)  not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
create index resource_provider_parent on resource_provider (parent_uuid);
create index resource_provider_root on resource_provider (root_uuid);

create table custom_resource_class (
    name       varchar(255) primary key,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

create table custom_trait (
    name       varchar(255) primary key,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

create table inventory (
    provider_uuid    varchar(36)  not null references resource_provider (uuid) on delete cascade,
    resource_class   varchar(255) not null,
    total            bigint       not null,
    reserved         bigint       not null,
    min_unit         bigint       not null,
    max_unit         bigint       not null,
    step_size        bigint       not null,
    allocation_ratio double precision not null,
    primary key (provider_uuid, resource_class)
);

create table provider_trait (
    provider_uuid varchar(36)  not null references resource_provider (uuid) on delete cascade,
    trait         varchar(255) not null,
    primary key (provider_uuid, trait)
);
create index provider_trait_trait on provider_trait (trait);

create table provider_aggregate (
    provider_uuid  varchar(36) not null references resource_provider (uuid) on delete cascade,
    aggregate_uuid varchar(36) not null,
    primary key (provider_uuid, aggregate_uuid)
);
create index provider_aggregate_aggregate on provider_aggregate (aggregate_uuid);

-- consumer_type null means "unknown": allocations made before microversion 1.38.
create table consumer (
    uuid          varchar(36)  primary key,
    project_id    varchar(255) not null,
    user_id       varchar(255) not null,
    generation    bigint       not null,
    consumer_type varchar(255),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index consumer_project_user on consumer (project_id, user_id);

create table allocation (
    consumer_uuid  varchar(36)  not null references consumer (uuid) on delete cascade,
    provider_uuid  varchar(36)  not null references resource_provider (uuid),
    resource_class varchar(255) not null,
    used           bigint       not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    primary key (consumer_uuid, provider_uuid, resource_class)
);
create index allocation_provider on allocation (provider_uuid, resource_class);
