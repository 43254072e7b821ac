-- Subnets. Pools, name servers and host routes are JSON lists (text, parsed by the application).
create table subnets (
    id                varchar(36)  primary key,
    name              varchar(255) not null,
    network_id        varchar(36)  not null references networks (id),
    project_id        varchar(255) not null,
    ip_version        integer      not null,
    cidr              varchar(64)  not null,
    gateway_ip        varchar(64),
    enable_dhcp       boolean      not null,
    ipv6_ra_mode      varchar(32),
    ipv6_address_mode varchar(32),
    allocation_pools  text         not null,
    dns_nameservers   text         not null,
    host_routes       text         not null,
    description       varchar(255) not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    revision_number   bigint       not null
);
create index subnets_network on subnets (network_id);
create index subnets_project on subnets (project_id);
