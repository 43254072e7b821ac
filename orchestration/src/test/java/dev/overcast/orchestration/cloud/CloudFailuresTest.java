package dev.overcast.orchestration.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.overcast.orchestration.resources.ResourceFailure;

class CloudFailuresTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "400 | {\"badRequest\": {\"code\": 400, \"message\": \"Flavor m1.huge could not be found.\"}} | BadRequest | Flavor m1.huge could not be found.",
            "403 | {\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow x to be performed.\"}} | Forbidden | Policy doesn't allow x to be performed.",
            "404 | {\"error\": {\"code\": 404, \"title\": \"Not Found\", \"message\": \"Could not find user: u.\"}} | NotFound | Could not find user: u.",
            "409 | {\"NeutronError\": {\"type\": \"IpAddressInUse\", \"message\": \"IP 10.0.0.5 in use.\", \"detail\": \"\"}} | Conflict | IP 10.0.0.5 in use.",
            "413 | {\"message\": \"Quota exceeded for instances.\"} | OverLimit | Quota exceeded for instances.",
            "500 | <html>oops</html> | InternalServerError | <html>oops</html>",
            "503 | '' | ServiceUnavailable | HTTP 503",
            "418 | {\"a\": 1, \"b\": 2} | ClientException | {\"a\": 1, \"b\": 2}"})
    void aRefusalIsNamedAsTheClientsNameItAndKeepsTheServicesMessage(int status, String body, String type,
            String message) {
        ResourceFailure failure = CloudFailures.of(status, body);
        assertThat(failure.errorType()).isEqualTo(type);
        assertThat(failure.getMessage()).isEqualTo(message);
    }
}
