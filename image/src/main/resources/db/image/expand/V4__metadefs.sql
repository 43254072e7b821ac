-- Glance's metadata definitions catalog. A namespace is named by the caller but keyed by a
-- generated id, so renaming it touches one row. Property definitions and object properties
-- are JSON Schema fragments kept as JSON text: the catalog stores them, it never evaluates
-- them.
create table metadef_namespace (
    id           varchar(36)  primary key,
    name         varchar(80)  not null unique,
    display_name varchar(80),
    description  varchar(500),
    visibility   varchar(20)  not null,
    protected    boolean      not null,
    owner        varchar(255),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

-- required: a JSON array of property names; properties: a JSON object name -> definition.
create table metadef_object (
    namespace_id varchar(36)  not null references metadef_namespace (id) on delete cascade,
    name         varchar(80)  not null,
    description  varchar(500),
    required     text         not null,
    properties   text         not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    primary key (namespace_id, name)
);

-- definition: the property's JSON Schema fragment without its name.
create table metadef_property (
    namespace_id varchar(36)  not null references metadef_namespace (id) on delete cascade,
    name         varchar(255) not null,
    definition   text         not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    primary key (namespace_id, name)
);

create table metadef_tag (
    namespace_id varchar(36)  not null references metadef_namespace (id) on delete cascade,
    name         varchar(255) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    primary key (namespace_id, name)
);

create table metadef_resource_type (
    name       varchar(80) primary key,
    protected  boolean     not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

create table metadef_association (
    namespace_id      varchar(36) not null references metadef_namespace (id) on delete cascade,
    resource_type     varchar(80) not null references metadef_resource_type (name),
    prefix            varchar(80),
    properties_target varchar(80),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    primary key (namespace_id, resource_type)
);
create index metadef_association_type on metadef_association (resource_type);

-- The resource types Glance's own migration seeds, protected as there.
insert into metadef_resource_type (name, protected, created_at, updated_at) values
    ('OS::Glance::Image', true, current_timestamp, current_timestamp),
    ('OS::Cinder::Volume', true, current_timestamp, current_timestamp),
    ('OS::Nova::Flavor', true, current_timestamp, current_timestamp),
    ('OS::Nova::Aggregate', true, current_timestamp, current_timestamp),
    ('OS::Nova::Server', true, current_timestamp, current_timestamp);
