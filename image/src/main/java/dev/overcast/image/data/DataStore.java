package dev.overcast.image.data;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The queries image data needs beyond {@code ImageStore}: staged data, membership, names. */
interface DataStore {

    /** What was staged for an image, with its digests. */
    record Staged(String imageId, long size, String checksum, String osHashAlgo, String osHashValue,
                  Instant stagedAt) {
        Written written() {
            return new Written(size, checksum, osHashValue);
        }
    }

    @SqlQuery("select image_id, size, checksum, os_hash_algo, os_hash_value, staged_at from image_staged where image_id = :id")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Staged.class)
    Optional<Staged> staged(@Bind("id") String imageId);

    @SqlUpdate("""
            insert into image_staged (image_id, size, checksum, os_hash_algo, os_hash_value, staged_at)
            values (:id, :size, :checksum, :algo, :hash, :at)""")
    void stage(@Bind("id") String imageId, @Bind("size") long size, @Bind("checksum") String checksum,
               @Bind("algo") String algo, @Bind("hash") String hash, @Bind("at") Instant at);

    @SqlUpdate("delete from image_staged where image_id = :id")
    int unstage(@Bind("id") String imageId);

    /** Whether {@code project} is a member of the image, in any member status (Glance shows it either way). */
    @SqlQuery("select count(*) > 0 from image_member where image_id = :id and member_id = :project")
    boolean isMember(@Bind("id") String imageId, @Bind("project") String project);

    @SqlQuery("select count(*) from image where name = :name and status <> 'deleted'")
    int countNamed(@Bind("name") String name);

    /** Image data bytes the project holds, other than in {@code except}. */
    @SqlQuery("select coalesce(sum(size), 0) from image where owner = :owner and size is not null and id <> :except")
    long bytesOwnedBy(@Bind("owner") String owner, @Bind("except") String except);

    @SqlQuery("select status from image where id = :id")
    Optional<String> status(@Bind("id") String imageId);
}
