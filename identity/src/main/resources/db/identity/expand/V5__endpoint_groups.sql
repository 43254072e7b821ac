-- OS-EP-FILTER: endpoint groups and the projects they (or single endpoints) are associated with.
create table endpoint_group (
    id          varchar(64)  primary key,
    name        varchar(255) not null,
    description text,
    filters     text         not null
);

create table project_endpoint_group (
    endpoint_group_id varchar(64) not null references endpoint_group (id) on delete cascade,
    project_id        varchar(64) not null references project (id) on delete cascade,
    primary key (endpoint_group_id, project_id)
);

create table project_endpoint (
    endpoint_id varchar(64) not null references endpoint (id) on delete cascade,
    project_id  varchar(64) not null references project (id) on delete cascade,
    primary key (endpoint_id, project_id)
);
