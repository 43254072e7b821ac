-- Nova's instance info cache: a server's NICs as last read from the Network service, as JSON.
create table instance_info_caches (
    instance_uuid varchar(36) primary key,
    network_info  text        not null,
    updated_at    timestamp with time zone not null
);
