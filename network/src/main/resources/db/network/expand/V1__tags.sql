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
