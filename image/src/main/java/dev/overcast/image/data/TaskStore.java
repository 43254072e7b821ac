package dev.overcast.image.data;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Import tasks, as {@code GET /v2/images/{id}/tasks} shows them. */
@RegisterConstructorMapper(TaskStore.Task.class)
interface TaskStore {

    /** One import: {@code input} and {@code result} are JSON text. */
    record Task(String id, String imageId, String type, String status, String owner, String userId,
                String requestId, String input, String result, String message, Instant createdAt,
                Instant updatedAt, Instant expiresAt) {
    }

    @SqlUpdate("""
            insert into image_task (id, image_id, type, status, owner, user_id, request_id, input, result, message,
                created_at, updated_at, expires_at)
            values (:id, :imageId, :type, :status, :owner, :userId, :requestId, :input, :result, :message,
                :createdAt, :updatedAt, :expiresAt)""")
    void insert(@BindMethods Task task);

    @SqlUpdate("""
            update image_task set status = :status, result = :result, message = :message, updated_at = :at,
                expires_at = :expires
            where id = :id""")
    void finish(@Bind("id") String id, @Bind("status") String status, @Bind("result") String result,
                @Bind("message") String message, @Bind("at") Instant at, @Bind("expires") Instant expires);

    @SqlQuery("select * from image_task where image_id = :imageId order by created_at, id")
    List<Task> forImage(@Bind("imageId") String imageId);
}
