-- Import tasks (GET /v2/images/{id}/tasks): one row per import, with the request that
-- started it, so a client can follow an import after the 202.
create table image_task (
    id          varchar(36)  primary key,
    image_id    varchar(36)  not null references image (id) on delete cascade,
    type        varchar(30)  not null,
    status      varchar(20)  not null,
    owner       varchar(64),
    user_id     varchar(64),
    request_id  varchar(64),
    input       text         not null,
    result      text,
    message     text         not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    expires_at  timestamp with time zone
);
create index image_task_image on image_task (image_id);
