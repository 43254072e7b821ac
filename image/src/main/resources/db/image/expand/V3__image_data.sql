-- Data staged by glance-direct (PUT /v2/images/{id}/stage), waiting for its import: the
-- digests computed while staging, so the import need not read the data again. The bytes
-- themselves are a file in the staging directory named by the image id.
create table image_staged (
    image_id      varchar(36)  primary key references image (id) on delete cascade,
    size          bigint       not null,
    checksum      varchar(32)  not null,
    os_hash_algo  varchar(64)  not null,
    os_hash_value varchar(128) not null,
    staged_at     timestamp with time zone not null
);
