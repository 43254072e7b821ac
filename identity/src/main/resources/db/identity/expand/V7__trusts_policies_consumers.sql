-- Trusts (OS-TRUST): a trustor delegates some of its roles on a project to a trustee.
create table trust (
    id              varchar(64) primary key,
    trustor_user_id varchar(64) not null,
    trustee_user_id varchar(64) not null,
    project_id      varchar(64),
    impersonation   boolean     not null,
    expires_at      timestamp with time zone,
    remaining_uses  integer,
    role_ids        text        not null,
    extra           text        not null,
    created_at      timestamp with time zone not null
);
create index trust_trustor on trust (trustor_user_id);
create index trust_trustee on trust (trustee_user_id);

-- Policy blobs (/v3/policies): stored for other services, as Keystone does.
create table policy_blob (
    id    varchar(64)  primary key,
    type  varchar(255) not null,
    blob  text         not null,
    extra text         not null
);

-- OAuth 1.0a consumers (OS-OAUTH1): the registry only.
create table oauth_consumer (
    id          varchar(64) primary key,
    secret_hash varchar(255) not null,
    description text,
    extra       text not null
);
