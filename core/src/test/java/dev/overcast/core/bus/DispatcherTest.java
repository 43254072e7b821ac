package dev.overcast.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.bus.Messages.Text;
import dev.overcast.core.json.Json;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The dispatcher on its own, as any transport drives it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DispatcherTest {
    private final Dispatcher dispatcher = Dispatcher.builder("1.2")
            .on("echo", Text.class, (args, context) -> new Text(args.text() + " from " + context.requestId()))
            .build();

    private static Envelope envelope(String method, String version, Object args) {
        return new Envelope(method, Version.parse(version), Json.tree(args), new RequestContext("req-7", null, null, null));
    }

    @Test
    void dispatch_runs_the_handler_and_returns_its_result_as_json() {
        Reply reply = dispatcher.dispatch(envelope("echo", "1.1", new Text("hi")));

        assertThat(reply).isEqualTo(new Reply.Result(Json.tree(new Text("hi from req-7"))));
    }

    @Test
    void dispatch_never_throws_and_names_what_went_wrong() {
        assertThat(dispatcher.dispatch(envelope("nope", "1.0", null)))
                .isInstanceOfSatisfying(Reply.Failure.class, f -> assertThat(f.className()).isEqualTo(RemoteError.NO_SUCH_METHOD));
        assertThat(dispatcher.dispatch(envelope("echo", "1.3", new Text("hi"))))
                .isInstanceOfSatisfying(Reply.Failure.class, f -> assertThat(f.className()).isEqualTo(RemoteError.UNSUPPORTED_VERSION));
        assertThat(dispatcher.dispatch(envelope("echo", "1.0", Json.array())))
                .isInstanceOfSatisfying(Reply.Failure.class,
                        f -> assertThat(f.className()).isEqualTo(MessageFormatException.class.getName()));
    }

    @Test
    void a_method_registered_twice_for_one_major_is_refused() {
        var builder = Dispatcher.builder("1.0").on("echo", Text.class, (args, context) -> args);

        assertThatThrownBy(() -> builder.on("echo", "1.4", Text.class, (args, context) -> args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'echo' already has a handler for major version 1");
    }

    @Test
    void a_dispatcher_without_handlers_is_refused() {
        assertThatThrownBy(() -> Dispatcher.builder("1.0").build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void replies_have_a_result_or_a_failure_on_the_wire() {
        Reply result = new Reply.Result(Json.tree(new Text("hi")));
        Reply failure = new Reply.Failure("java.lang.IllegalStateException", "locked", true);

        assertThat(Json.write(result.toJson())).isEqualTo("{\"result\":{\"text\":\"hi\"}}");
        assertThat(Json.write(failure.toJson()))
                .isEqualTo("{\"failure\":{\"class\":\"java.lang.IllegalStateException\",\"message\":\"locked\",\"retryable\":true}}");
        assertThat(Reply.fromJson(result.toJson())).isEqualTo(result);
        assertThat(Reply.fromJson(failure.toJson())).isEqualTo(failure);
        assertThatThrownBy(() -> Reply.fromJson(Json.object())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void an_envelope_is_written_with_method_version_args_and_context() {
        String json = Json.write(envelope("echo", "1.3", new Text("hi")));

        assertThat(json).isEqualTo("{\"method\":\"echo\",\"version\":\"1.3\",\"args\":{\"text\":\"hi\"},"
                + "\"context\":{\"request_id\":\"req-7\",\"global_request_id\":null,\"user_id\":null,\"project_id\":null}}");
        assertThat(Json.read(json, Envelope.class)).isEqualTo(envelope("echo", "1.3", new Text("hi")));
    }
}
