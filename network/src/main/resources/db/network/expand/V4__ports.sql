-- Ports. A MAC address is unique on its network.
create table ports (
    id                      varchar(36)  primary key,
    name                    varchar(255) not null,
    network_id              varchar(36)  not null references networks (id),
    project_id              varchar(255) not null,
    mac_address             varchar(17)  not null,
    admin_state_up          boolean      not null,
    status                  varchar(16)  not null,
    device_id               varchar(255) not null,
    device_owner            varchar(255) not null,
    allowed_address_pairs   text         not null,
    port_security_enabled   boolean      not null,
    binding_host_id         varchar(255) not null,
    binding_profile         text         not null,
    binding_vnic_type       varchar(64)  not null,
    propagate_uplink_status boolean      not null,
    description             varchar(255) not null,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    revision_number         bigint       not null,
    unique (network_id, mac_address)
);
create index ports_project on ports (project_id);
create index ports_device on ports (device_id);

-- IPAM: one row per address handed out. The primary key is the promise that no address is given
-- twice; the allocator also holds the subnet's row lock while it chooses.
create table ip_allocations (
    subnet_id  varchar(36) not null references subnets (id),
    ip_address varchar(64) not null,
    port_id    varchar(36) not null references ports (id),
    network_id varchar(36) not null,
    primary key (subnet_id, ip_address)
);
create index ip_allocations_port on ip_allocations (port_id);
