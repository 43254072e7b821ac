package dev.overcast.image.members;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The members of shared images. */
@RegisterConstructorMapper(MemberRow.class)
public interface MemberStore {
    String COLUMNS = "image_id, member_id, status, created_at, updated_at";

    @SqlQuery("select " + COLUMNS + " from image_member where image_id = :image order by created_at, member_id")
    List<MemberRow> list(@Bind("image") String imageId);

    @SqlQuery("select " + COLUMNS + " from image_member where image_id = :image and member_id = :member")
    Optional<MemberRow> find(@Bind("image") String imageId, @Bind("member") String memberId);

    @SqlQuery("select count(*) from image_member where image_id = :image")
    int count(@Bind("image") String imageId);

    @SqlUpdate("insert into image_member (" + COLUMNS + ") values (:imageId, :memberId, :status, :createdAt, :updatedAt)")
    void insert(@BindMethods MemberRow row);

    @SqlUpdate("update image_member set status = :status, updated_at = :updatedAt where image_id = :imageId and member_id = :memberId")
    void update(@BindMethods MemberRow row);

    @SqlUpdate("delete from image_member where image_id = :image and member_id = :member")
    int delete(@Bind("image") String imageId, @Bind("member") String memberId);
}
