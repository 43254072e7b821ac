-- Routers, their interfaces, floating IPs and auto-allocated topologies (the l3 feature).
-- Ports, networks and subnets belong to the core feature: these tables only name their ids,
-- without foreign keys, so that the two features' migrations stay independent.

-- A router. Its gateway is a port on an external network (device_owner network:router_gateway);
-- gw_port_id is null when it has none. JSON lists are text, parsed by the application.
create table routers (
    id                      varchar(36)  not null primary key,
    project_id              varchar(255) not null,
    name                    varchar(255) not null,
    description             varchar(255) not null,
    admin_state_up          boolean      not null,
    status                  varchar(16)  not null,
    gw_network_id           varchar(36),
    gw_port_id              varchar(36),
    enable_snat             boolean      not null,
    availability_zone_hints varchar(255) not null,
    routes                  text         not null,
    created_at              timestamp    not null,
    updated_at              timestamp    not null,
    revision_number         bigint       not null
);
create index routers_project on routers (project_id);
create index routers_gw_network on routers (gw_network_id);

-- A router's interfaces: ports with device_owner network:router_interface and device_id the router.
-- Kept here as well as on the port so that "is this router in use" and "which router reaches this
-- subnet" are questions for this feature's own tables, answered under the router's row lock.
create table router_ports (
    port_id    varchar(36) not null primary key,
    router_id  varchar(36) not null,
    network_id varchar(36) not null
);
create index router_ports_router on router_ports (router_id);

-- A floating IP: an address held by a port on its external network (device_owner
-- network:floatingip, device_id the floating IP's id), mapped to a port's fixed IP when associated.
-- One fixed IP has at most one floating IP per external network, as upstream's unique key says.
create table floatingips (
    id                  varchar(36)  not null primary key,
    project_id          varchar(255) not null,
    floating_ip_address varchar(64)  not null,
    floating_network_id varchar(36)  not null,
    floating_port_id    varchar(36)  not null,
    fixed_port_id       varchar(36),
    fixed_ip_address    varchar(64),
    router_id           varchar(36),
    status              varchar(16)  not null,
    description         varchar(255) not null,
    created_at          timestamp    not null,
    updated_at          timestamp    not null,
    revision_number     bigint       not null,
    constraint floatingips_fixed_ip unique (floating_network_id, fixed_port_id, fixed_ip_address)
);
create index floatingips_project on floatingips (project_id);
create index floatingips_fixed_port on floatingips (fixed_port_id);
create index floatingips_router on floatingips (router_id);

-- A project's auto-allocated topology. The primary key is what makes concurrent first requests
-- build it once: the first insert wins, the others wait for it and read its result.
create table auto_allocated_topologies (
    project_id varchar(255) not null primary key,
    network_id varchar(36),
    router_id  varchar(36)
);
