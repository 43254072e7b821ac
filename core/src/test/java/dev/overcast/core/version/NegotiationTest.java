package dev.overcast.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.http.ApiException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NegotiationTest {
    static final String LEGACY = "X-OpenStack-Nova-API-Version";
    static final VersionHistory COMPUTE = VersionHistoryTest.compute(95);
    static final VersionHistory PLACEMENT = VersionHistory.builder("placement", null)
            .version("1.0", "Initial version").version("1.1", "Aggregates").version("1.2", "Classes").build();

    /** Request headers as a server hands them over: looked up without regard to case. */
    static Function<String, String> headers(String... namesAndValues) {
        var map = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map::get;
    }

    static ApiVersion v(String text) {
        return ApiVersion.parse(text);
    }

    @Test
    void no_version_header_means_the_minimum() {
        assertThat(COMPUTE.negotiate(headers())).isEqualTo(v("2.1"));
    }

    @Test
    void the_standard_header_names_the_service_and_the_version() {
        assertThat(COMPUTE.negotiate(headers("OpenStack-API-Version", "compute 2.53"))).isEqualTo(v("2.53"));
    }

    @Test
    void latest_means_the_maximum() {
        assertThat(COMPUTE.negotiate(headers("OpenStack-API-Version", "compute latest"))).isEqualTo(v("2.95"));
        assertThat(COMPUTE.negotiate(headers(LEGACY, "latest"))).isEqualTo(v("2.95"));
    }

    @ParameterizedTest(name = "\"{0}\" gives {1}")
    @CsvSource(delimiter = '|', value = {
            "placement 1.10, compute 2.53       | 2.53",
            "compute 2.53, placement 1.10       | 2.53",
            "compute 2.10,compute 2.20          | 2.20",
            "COMPUTE 2.7                        | 2.7",
            "  compute    2.7  ,  volume 3.5    | 2.7",
            "compute, compute 2.8               | 2.8",
    })
    void picks_this_services_entry_from_a_header_naming_several(String header, String expected) {
        assertThat(COMPUTE.negotiate(headers("OpenStack-API-Version", header))).isEqualTo(v(expected));
    }

    @Test
    void a_standard_header_for_other_services_only_means_the_minimum() {
        assertThat(COMPUTE.negotiate(headers("OpenStack-API-Version", "placement 1.2"))).isEqualTo(v("2.1"));
    }

    @Test
    void falls_back_to_the_legacy_header() {
        assertThat(COMPUTE.negotiate(headers(LEGACY, "2.20"))).isEqualTo(v("2.20"));
    }

    @Test
    void falls_back_to_the_legacy_header_when_the_standard_one_is_for_another_service() {
        var request = headers("OpenStack-API-Version", "placement 1.2", LEGACY, "2.20");

        assertThat(COMPUTE.negotiate(request)).isEqualTo(v("2.20"));
    }

    @Test
    void the_standard_header_wins_over_the_legacy_one() {
        var request = headers("OpenStack-API-Version", "compute 2.30", LEGACY, "2.20");

        assertThat(COMPUTE.negotiate(request)).isEqualTo(v("2.30"));
    }

    @Test
    void a_folded_legacy_header_counts_with_its_last_value() {
        assertThat(COMPUTE.negotiate(headers(LEGACY, "2.3, 2.4"))).isEqualTo(v("2.4"));
    }

    @Test
    void a_service_without_a_legacy_header_ignores_other_services_legacy_headers() {
        assertThat(PLACEMENT.negotiate(headers(LEGACY, "2.20"))).isEqualTo(v("1.0"));
        assertThat(PLACEMENT.negotiate(headers("OpenStack-API-Version", "placement 1.2"))).isEqualTo(v("1.2"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2.96", "2.0", "1.5", "3.1", "2.99999999999"})
    void a_version_outside_the_history_is_a_406_with_upstreams_message(String version) {
        assertThatThrownBy(() -> COMPUTE.negotiate(headers("OpenStack-API-Version", "compute " + version)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(406))
                .hasMessage("Version " + version + " is not supported by the API. Minimum is 2.1 and maximum is 2.95.");
    }

    @Test
    void an_unsupported_legacy_version_is_a_406_too() {
        assertThatThrownBy(() -> COMPUTE.negotiate(headers(LEGACY, "2.99")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(406))
                .hasMessage("Version 2.99 is not supported by the API. Minimum is 2.1 and maximum is 2.95.");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"2", "2.x", "two", "Latest", "2.1.1", "2.05"})
    void a_malformed_version_is_a_400_naming_it(String version) {
        assertThatThrownBy(() -> COMPUTE.negotiate(headers("OpenStack-API-Version", "compute " + version)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("API Version String " + version + " is of invalid format");
    }

    @Test
    void an_empty_legacy_header_is_malformed() {
        assertThatThrownBy(() -> COMPUTE.negotiate(headers(LEGACY, "")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void responses_carry_the_standard_and_legacy_headers_and_vary_on_both() {
        assertThat(COMPUTE.responseHeaders(v("2.53"))).containsExactly(
                new ResponseHeader("OpenStack-API-Version", "compute 2.53"),
                new ResponseHeader(LEGACY, "2.53"),
                new ResponseHeader("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version"));
    }

    @Test
    void responses_of_a_service_without_a_legacy_header_vary_on_the_standard_one() {
        assertThat(PLACEMENT.responseHeaders(v("1.2"))).containsExactly(
                new ResponseHeader("OpenStack-API-Version", "placement 1.2"),
                new ResponseHeader("Vary", "OpenStack-API-Version"));
    }

    @Test
    void the_negotiated_version_round_trips_through_the_response_header() {
        ApiVersion negotiated = COMPUTE.negotiate(headers("OpenStack-API-Version", "compute latest"));
        Map<String, String> response = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        COMPUTE.responseHeaders(negotiated).forEach(h -> response.put(h.name(), h.value()));

        assertThat(COMPUTE.negotiate(response::get)).isEqualTo(negotiated);
    }
}
