package dev.overcast.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoutesTest {
    private static final Handler OK = req -> Response.noContent();

    private static Routes routes() {
        return new Routes(true).get("/v2/images", OK).post("/v2/images", OK).get("/v2/images/{id}", OK)
                .delete("/v2/images/{id}", OK);
    }

    @Test
    void pathParametersAreDecodedAndAPlusStaysAPlus() {
        var match = routes().match("GET", "/v2/images/a%20b+c");
        assertThat(match.params()).containsEntry("id", "a b+c");
    }

    @Test
    void aKnownPathWithTheWrongMethodIs405NamingTheAllowedOnes() {
        assertThatThrownBy(() -> routes().match("PUT", "/v2/images"))
                .isInstanceOfSatisfying(Routes.MethodNotAllowed.class,
                        e -> assertThat(e.allowHeader()).isEqualTo("GET, POST"));
    }

    @Test
    void aTrailingSlashIsPartOfThePathSoAnEmptyIdNamesNoResource() {
        assertThatThrownBy(() -> routes().match("DELETE", "/v2/images/"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> routes().match("GET", "/v2/images/"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(new Routes().get("/v3/", OK).match("GET", "/v3/").route().template()).isEqualTo("/v3/");
    }

    @Test
    void withoutStrictSlashesATrailingSlashIsIgnored() {
        Routes lenient = new Routes().get("/v3/OS-TRUST/trusts", OK);
        assertThat(lenient.match("GET", "/v3/OS-TRUST/trusts/").route().template()).isEqualTo("/v3/OS-TRUST/trusts");
    }

    @Test
    void headFallsBackToGet() {
        assertThat(routes().match("HEAD", "/v2/images/x").route().method()).isEqualTo("GET");
    }

    @Test
    void anUnknownPathIs404() {
        assertThatThrownBy(() -> routes().match("GET", "/v2/nothing"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
