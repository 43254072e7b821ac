-- One row per segment type, locked (select ... for update) while a network picks a segmentation
-- id: creates of one type then choose one after another instead of racing for the lowest free id
-- (the unique segment_key would refuse all but one of them, again and again).
create table segment_locks (
    network_type varchar(32) primary key
);
insert into segment_locks (network_type) values ('vxlan');
insert into segment_locks (network_type) values ('geneve');
insert into segment_locks (network_type) values ('vlan');
insert into segment_locks (network_type) values ('flat');
insert into segment_locks (network_type) values ('local');
