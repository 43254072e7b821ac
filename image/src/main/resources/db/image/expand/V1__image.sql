-- Image's own schema. Custom properties are a JSON object in `properties`; image data
-- lives in the file store under the data dir, never in the database.
create table image (
    id               varchar(36)  primary key,
    name             varchar(255),
    status           varchar(30)  not null,
    visibility       varchar(20)  not null,
    protected        boolean      not null,
    os_hidden        boolean      not null,
    owner            varchar(64),
    size             bigint,
    virtual_size     bigint,
    checksum         varchar(32),
    os_hash_algo     varchar(64),
    os_hash_value    varchar(128),
    min_ram          integer      not null,
    min_disk         integer      not null,
    container_format varchar(32),
    disk_format      varchar(32),
    properties       text         not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create index image_owner on image (owner);
create index image_visibility on image (visibility);

create table image_tag (
    image_id varchar(36)  not null references image (id) on delete cascade,
    tag      varchar(255) not null,
    primary key (image_id, tag)
);

-- status: pending, accepted, rejected.
create table image_member (
    image_id   varchar(36) not null references image (id) on delete cascade,
    member_id  varchar(64) not null,
    status     varchar(20) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    primary key (image_id, member_id)
);
create index image_member_member on image_member (member_id);
