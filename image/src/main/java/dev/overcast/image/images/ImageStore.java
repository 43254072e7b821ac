package dev.overcast.image.images;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Images and their tags. Status changes go through {@link ImageLifecycle}, never a plain update. */
@RegisterConstructorMapper(ImageRow.class)
public interface ImageStore {
    String COLUMNS = """
            id, name, status, visibility, protected as is_protected, os_hidden, owner, size, virtual_size, checksum,
            os_hash_algo, os_hash_value, min_ram, min_disk, container_format, disk_format, properties,
            created_at, updated_at""";

    @SqlQuery("select " + COLUMNS + " from image where id = :id")
    Optional<ImageRow> find(@Bind("id") String id);

    @SqlQuery("select " + COLUMNS + " from image where id = :id for update")
    Optional<ImageRow> lock(@Bind("id") String id);

    @SqlQuery("select " + COLUMNS + " from image where status in (<statuses>)")
    List<ImageRow> withStatus(@org.jdbi.v3.sqlobject.customizer.BindList("statuses") List<String> statuses);

    @SqlUpdate("""
            insert into image (id, name, status, visibility, protected, os_hidden, owner, size, virtual_size, checksum,
                os_hash_algo, os_hash_value, min_ram, min_disk, container_format, disk_format, properties,
                created_at, updated_at)
            values (:id, :name, :status, :visibility, :isProtected, :osHidden, :owner, :size, :virtualSize, :checksum,
                :osHashAlgo, :osHashValue, :minRam, :minDisk, :containerFormat, :diskFormat, :properties,
                :createdAt, :updatedAt)""")
    void insert(@BindMethods ImageRow row);

    /** Writes every attribute but the status (see {@link ImageLifecycle}). */
    @SqlUpdate("""
            update image set name = :name, visibility = :visibility, protected = :isProtected, os_hidden = :osHidden,
                owner = :owner, size = :size, virtual_size = :virtualSize, checksum = :checksum,
                os_hash_algo = :osHashAlgo, os_hash_value = :osHashValue, min_ram = :minRam, min_disk = :minDisk,
                container_format = :containerFormat, disk_format = :diskFormat, properties = :properties,
                updated_at = :updatedAt
            where id = :id""")
    void update(@BindMethods ImageRow row);

    /** Moves the status only from {@code from}; 0 when another request moved it first. */
    @SqlUpdate("update image set status = :to, updated_at = :at where id = :id and status = :from")
    int moveStatus(@Bind("id") String id, @Bind("from") String from, @Bind("to") String to, @Bind("at") Instant at);

    @SqlUpdate("delete from image where id = :id")
    int delete(@Bind("id") String id);

    @SqlQuery("select coalesce(sum(size), 0) from image where owner = :owner and size is not null")
    long bytesOwnedBy(@Bind("owner") String owner);

    /**
     * The images {@code project} may see at all (see {@link ImageAccess}); listings narrow this
     * further. {@code admin} sees every image.
     */
    @SqlQuery("select " + COLUMNS + " from image " + """
             where :admin or owner = :project or visibility in ('public', 'community')
                or (visibility = 'shared' and exists (select 1 from image_member m
                    where m.image_id = image.id and m.member_id = :project))""")
    List<ImageRow> visibleTo(@Bind("project") String project, @Bind("admin") boolean admin);

    @SqlQuery("select status from image_member where image_id = :id and member_id = :member")
    Optional<String> membership(@Bind("id") String imageId, @Bind("member") String memberId);

    /** Image id → membership status, for every image shared with {@code member}. */
    @SqlQuery("select image_id, status from image_member where member_id = :member")
    @KeyColumn("image_id")
    @ValueColumn("status")
    Map<String, String> memberships(@Bind("member") String memberId);

    @SqlQuery("select image_id from image_tag where tag = :tag")
    Set<String> taggedWith(@Bind("tag") String tag);

    @SqlQuery("select tag from image_tag where image_id = :id order by tag")
    List<String> tags(@Bind("id") String imageId);

    @SqlUpdate("insert into image_tag (image_id, tag) values (:id, :tag)")
    void addTag(@Bind("id") String imageId, @Bind("tag") String tag);

    @SqlUpdate("delete from image_tag where image_id = :id")
    void clearTags(@Bind("id") String imageId);

    @SqlUpdate("delete from image_tag where image_id = :id and tag = :tag")
    int removeTag(@Bind("id") String imageId, @Bind("tag") String tag);
}
