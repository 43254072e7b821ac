package dev.overcast.orchestration.template;

import static dev.overcast.orchestration.template.Hot.assertParseFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateVersionTest {

    @ParameterizedTest
    @CsvSource({
            "2013-05-23, 2013-05-23", "2014-10-16, 2014-10-16", "2015-04-30, 2015-04-30",
            "2015-10-15, 2015-10-15", "2016-04-08, 2016-04-08", "2016-10-14, 2016-10-14",
            "2017-02-24, 2017-02-24", "2017-09-01, 2017-09-01", "2018-03-02, 2018-03-02",
            "2018-08-31, 2018-08-31", "2021-04-16, 2021-04-16", "newton, 2016-10-14", "ocata, 2017-02-24",
            "pike, 2017-09-01", "queens, 2018-03-02", "rocky, 2018-08-31", "wallaby, 2021-04-16"})
    void everyVersionHeatAcceptsIsAccepted(String written, String date) {
        Template t = Hot.parse("heat_template_version: " + written + "\n");
        assertThat(t.version().date()).isEqualTo(date);
    }

    @Test
    void anUnknownVersionListsTheValidOnesAsHeatDoes() {
        assertParseFails("heat_template_version: 2012-12-12\n").hasMessage(
                "The template version is invalid: \"heat_template_version: 2012-12-12\". \"heat_template_version\" "
                        + "should be one of: 2013-05-23, 2014-10-16, 2015-04-30, 2015-10-15, 2016-04-08, 2016-10-14, "
                        + "2017-02-24, 2017-09-01, 2018-03-02, 2018-08-31, 2021-04-16, newton, ocata, pike, queens, "
                        + "rocky, wallaby");
    }

    @Test
    void aVersionThatIsNotAStringIsNotAVersion() {
        assertParseFails("heat_template_version: 2016\n")
                .hasMessage("The template version is invalid: Template version was not provided");
    }

    @Test
    void twoVersionKeysAreAmbiguous() {
        assertParseFails("heat_template_version: 2016-10-14\nAWSTemplateFormatVersion: 2010-09-09\n")
                .hasMessageStartingWith("The template version is invalid: Ambiguous versions (");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWSTemplateFormatVersion: 2010-09-09", "HeatTemplateFormatVersion: 2012-12-12"})
    void cloudFormationTemplatesAreRefusedClearly(String header) {
        assertParseFails(header + "\n").hasMessageContaining("CloudFormation-compatible templates are not supported");
    }

    @Test
    void anUnknownSectionIsRefused() {
        assertParseFails("heat_template_version: 2016-10-14\nresource:\n  a: {type: OS::Heat::None}\n")
                .hasMessage("The template section is invalid: resource");
    }

    @Test
    void conditionsAreAnUnknownSectionBefore2016_10_14() {
        assertParseFails("heat_template_version: 2016-04-08\nconditions: {}\n")
                .hasMessage("The template section is invalid: conditions");
        assertThat(Hot.parse("heat_template_version: 2016-10-14\nconditions: {}\n").conditions()).isEmpty();
    }

    @Test
    void versionsHaveTheNamesOfHeatsTemplateVersionsApi() {
        assertThat(TemplateVersion.V2016_10_14.apiName()).isEqualTo("heat_template_version.2016-10-14");
        assertThat(TemplateVersion.V2016_10_14.apiAliases()).containsExactly("heat_template_version.newton");
        assertThat(TemplateVersion.V2015_04_30.apiAliases()).isEmpty();
        assertThat(TemplateVersion.fromApiName("heat_template_version.wallaby")).contains(TemplateVersion.V2021_04_16);
        assertThat(TemplateVersion.fromApiName("AWSTemplateFormatVersion.2010-09-09")).isEmpty();
    }

    @Test
    void theDescriptionDefaultsAsInHeat() {
        assertThat(Hot.parse("heat_template_version: 2016-10-14\n").description()).isEqualTo("No description");
    }
}
