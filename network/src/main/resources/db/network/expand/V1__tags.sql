-- Network's schema starts with what every resource shares: Neutron's standard-attribute tags,
-- one row per tag, for any resource type (networks, subnets, ports, routers, ...).
-- Migration numbers by feature: V2-V9 core (networks, subnets, ports, IPAM), V10-V19
-- security groups and quotas, V20-V29 routers and floating IPs.
create table tags (
    resource_type varchar(32)  not null,
    resource_id   varchar(36)  not null,
    tag           varchar(255) not null,
    primary key (resource_type, resource_id, tag)
);

-- Which security groups each port has: written by ports, read by security groups (a group in
-- use cannot be deleted). Here, before either feature's tables, so that neither owns the other.
create table port_security_groups (
    port_id           varchar(36) not null,
    security_group_id varchar(36) not null,
    primary key (port_id, security_group_id)
);
create index port_security_groups_group on port_security_groups (security_group_id);
