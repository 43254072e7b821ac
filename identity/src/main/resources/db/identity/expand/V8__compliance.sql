-- Security compliance: whether a password was set by its user (self-service) or by an admin.
-- Keystone holds a self-service password to the minimum password age, never an admin reset.
alter table password_history add column self_service boolean not null default false;
