package dev.overcast.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.bus.Messages.Text;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Rolling upgrades: senders pinned below what new listeners read, listeners refusing what they cannot. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VersionPinTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Method BUILD_5_0 = Method.of("build", "5.0");
    private static final Method BUILD_5_1 = Method.of("build", "5.1");

    private final InProcessBus bus = new InProcessBus(Clock.systemUTC());

    @AfterEach
    void closeBus() {
        bus.close();
    }

    /** A listener whose build handler reads up to {@code version} and answers with the version it got. */
    private void listenReadingBuildUpTo(String version) {
        bus.listen("compute", "host1", Dispatcher.builder(version)
                .on("build", Text.class, (args, context) -> new Text("built " + args.text()))
                .build());
    }

    @Test
    void a_pinned_sender_refuses_a_message_above_the_pin() {
        listenReadingBuildUpTo("5.1");
        Target pinned = Target.of("compute").pinnedTo("5.0");

        assertThatThrownBy(() -> bus.call(pinned, BUILD_5_1, new Text("vm1"), Text.class, TIMEOUT))
                .isInstanceOf(VersionCapException.class)
                .hasMessageContaining("build 5.1")
                .hasMessageContaining("pinned to 5.0")
                .satisfies(e -> assertThat(((BusException) e).retryable()).isFalse());
        assertThatThrownBy(() -> bus.cast(pinned, BUILD_5_1, new Text("vm1"))).isInstanceOf(VersionCapException.class);
        assertThatThrownBy(() -> bus.fanout(pinned, BUILD_5_1, new Text("vm1"))).isInstanceOf(VersionCapException.class);
    }

    @Test
    void a_pinned_sender_sends_messages_at_or_below_the_pin() {
        listenReadingBuildUpTo("5.1");

        assertThat(bus.call(Target.of("compute").pinnedTo("5.1"), BUILD_5_1, new Text("vm1"), Text.class, TIMEOUT))
                .isEqualTo(new Text("built vm1"));
        assertThat(bus.call(Target.of("compute").pinnedTo("5.1"), BUILD_5_0, new Text("vm2"), Text.class, TIMEOUT))
                .isEqualTo(new Text("built vm2"));
    }

    @Test
    void a_sender_asks_the_target_and_downgrades_to_what_the_pin_allows() {
        listenReadingBuildUpTo("5.0");
        Target pinned = Target.of("compute").pinnedTo("5.0");

        Method method = pinned.canSend(BUILD_5_1.version()) ? BUILD_5_1 : BUILD_5_0;

        assertThat(method).isEqualTo(BUILD_5_0);
        assertThat(bus.call(pinned, method, new Text("vm1"), Text.class, TIMEOUT)).isEqualTo(new Text("built vm1"));
        assertThat(Target.of("compute").canSend(Version.parse("99.0"))).as("unpinned").isTrue();
    }

    @Test
    void a_listener_rejects_a_higher_major_version_with_a_clear_remote_error() {
        listenReadingBuildUpTo("5.1");

        assertThatThrownBy(() -> bus.call(Target.of("compute"), Method.of("build", "6.0"), new Text("vm1"), Text.class, TIMEOUT))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.className()).isEqualTo(RemoteError.UNSUPPORTED_VERSION);
                    assertThat(e.remoteMessage()).isEqualTo(
                            "'build' version 6.0 is not supported: this listener reads 'build' up to 5.1 (same major, minor no higher)");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void a_listener_rejects_a_minor_version_newer_than_it_reads() {
        listenReadingBuildUpTo("5.0");

        assertThatThrownBy(() -> bus.call(Target.of("compute"), BUILD_5_1, new Text("vm1"), Text.class, TIMEOUT))
                .isInstanceOfSatisfying(RemoteError.class,
                        e -> assertThat(e.className()).isEqualTo(RemoteError.UNSUPPORTED_VERSION));
    }

    @Test
    void a_listener_reads_older_minor_versions_of_its_major() {
        listenReadingBuildUpTo("5.3");

        assertThat(bus.call(Target.of("compute"), BUILD_5_0, new Text("vm1"), Text.class, TIMEOUT))
                .isEqualTo(new Text("built vm1"));
    }

    @Test
    void a_listener_may_serve_two_major_versions_of_a_method_side_by_side() {
        bus.listen("compute", "host1", Dispatcher.builder("6.2")
                .on("build", Text.class, (args, context) -> new Text("v6 " + args.text()))
                .on("build", "5.9", Text.class, (args, context) -> new Text("v5 " + args.text()))
                .build());

        assertThat(bus.call(Target.of("compute"), Method.of("build", "6.1"), new Text("vm"), Text.class, TIMEOUT))
                .isEqualTo(new Text("v6 vm"));
        assertThat(bus.call(Target.of("compute"), Method.of("build", "5.3"), new Text("vm"), Text.class, TIMEOUT))
                .isEqualTo(new Text("v5 vm"));
        assertThatThrownBy(() -> bus.call(Target.of("compute"), Method.of("build", "4.0"), new Text("vm"), Text.class, TIMEOUT))
                .isInstanceOf(RemoteError.class)
                .hasMessageContaining("up to 6.2, 5.9");
    }

    @Test
    void one_method_may_read_a_different_version_than_the_rest_of_its_topic() {
        bus.listen("compute", "host1", Dispatcher.builder("5.3")
                .on("build", Text.class, (args, context) -> args)
                .on("reboot", "5.1", Text.class, (args, context) -> args)
                .build());

        assertThat(bus.call(Target.of("compute"), Method.of("build", "5.3"), new Text("vm"), Text.class, TIMEOUT)).isNotNull();
        assertThatThrownBy(() -> bus.call(Target.of("compute"), Method.of("reboot", "5.3"), new Text("vm"), Text.class, TIMEOUT))
                .isInstanceOf(RemoteError.class)
                .hasMessageContaining("up to 5.1");
    }
}
