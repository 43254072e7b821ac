-- Federation (OS-FEDERATION): the registry of identity providers with their remote ids and
-- protocols, mappings and service providers. Federated authentication itself is absent (501).
create table federation_idp (
    id                varchar(64) primary key,
    domain_id         varchar(64) not null,
    description       text,
    enabled           boolean     not null,
    authorization_ttl integer
);

create table federation_remote_id (
    remote_id varchar(255) primary key,
    idp_id    varchar(64)  not null references federation_idp (id) on delete cascade
);
create index federation_remote_id_idp on federation_remote_id (idp_id);

create table federation_mapping (
    id             varchar(64) primary key,
    rules          text        not null,
    schema_version varchar(16) not null
);

create table federation_protocol (
    idp_id              varchar(64) not null references federation_idp (id) on delete cascade,
    id                  varchar(64) not null,
    mapping_id          varchar(64) not null,
    remote_id_attribute varchar(64),
    primary key (idp_id, id)
);

create table federation_sp (
    id                 varchar(64)  primary key,
    auth_url           varchar(256) not null,
    sp_url             varchar(256) not null,
    description        text,
    enabled            boolean      not null,
    relay_state_prefix varchar(256) not null
);
