-- Networks. The provider segment is simulated but allocated for real: segment_key
-- (type:physical_network:segmentation_id) is unique, so two networks never share a VXLAN id or
-- a VLAN on one physical network; it is null for segments that need no id (flat: keyed by its
-- physical network instead, local: none).
create table networks (
    id                      varchar(36)  primary key,
    name                    varchar(255) not null,
    project_id              varchar(255) not null,
    admin_state_up          boolean      not null,
    status                  varchar(16)  not null,
    shared                  boolean      not null,
    router_external         boolean      not null,
    is_default              boolean      not null,
    mtu                     integer      not null,
    port_security_enabled   boolean      not null,
    availability_zone_hints text         not null,
    network_type            varchar(32)  not null,
    physical_network        varchar(64),
    segmentation_id         integer,
    segment_key             varchar(140) unique,
    description             varchar(255) not null,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    revision_number         bigint       not null
);
create index networks_project on networks (project_id);
