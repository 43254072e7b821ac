package dev.overcast.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RabbitSettingsTest {

    @Test
    void unset_options_take_their_documented_defaults() {
        var settings = new RabbitSettings(null, null, null, false, null);

        assertThat(settings.uri()).isEqualTo("amqp://guest:guest@127.0.0.1:5672/%2F");
        assertThat(settings.exchange()).isEqualTo("overcast");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.publisherConfirms()).isFalse();
        assertThat(settings.confirmTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void the_password_never_shows_in_the_redacted_uri_or_in_to_string() {
        var settings = RabbitSettings.of("amqp://nova:s3cret@rabbit.example:5672/cell1");

        assertThat(settings.redactedUri()).isEqualTo("amqp://nova:***@rabbit.example:5672/cell1");
        assertThat(settings.toString()).doesNotContain("s3cret").contains("nova:***@");
        assertThatThrownBy(() -> RabbitSettings.of("http://nova:s3cret@rabbit.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void an_exchange_in_the_brokers_own_amq_namespace_or_a_non_positive_timeout_is_refused() {
        assertThatThrownBy(() -> RabbitSettings.of(RabbitSettings.DEFAULT_URI).withExchange("amq.topic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amq.*");
        assertThatThrownBy(() -> new RabbitSettings(null, null, Duration.ZERO, false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> new RabbitSettings(null, null, null, true, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confirm timeout");
    }
}
