-- Heat's software configs and deployments. A config is immutable once made: its config text,
-- inputs, outputs and options are one JSON document. A deployment ties a config to a server
-- with input values and the status its agent reports; a config that a deployment uses cannot
-- be deleted. JSON is stored as text.
create table software_config (
    id          varchar(36)  primary key,
    name        varchar(255),
    group_name  varchar(255) not null,
    config      text         not null,
    project_id  varchar(64)  not null,
    created_at  timestamp with time zone not null
);
create index software_config_project on software_config (project_id);

create table software_deployment (
    id                    varchar(36)  primary key,
    config_id             varchar(36)  not null references software_config (id),
    server_id             varchar(255) not null,
    input_values          text,
    output_values         text,
    action                varchar(255),
    status                varchar(255),
    status_reason         text,
    project_id            varchar(64)  not null,
    stack_user_project_id varchar(64),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone
);
create index software_deployment_server on software_deployment (server_id);
create index software_deployment_project on software_deployment (project_id);
create index software_deployment_config on software_deployment (config_id);
