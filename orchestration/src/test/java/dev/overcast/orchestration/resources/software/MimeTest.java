package dev.overcast.orchestration.resources.software;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MimeTest {
    @Test
    void aMessageIsWrittenAsPythonsEmailPackageWritesIt() {
        String message = Mime.write(List.of(new Mime.Part("#!/bin/sh\necho hi", "x-shellscript", "run.sh"),
                new Mime.Part("plain", "", "")), Mime.boundary(42));
        assertThat(message).isEqualTo("""
                Content-Type: multipart/mixed; boundary="===============0000000000000000042=="
                MIME-Version: 1.0

                --===============0000000000000000042==
                Content-Type: text/x-shellscript; charset="us-ascii"
                MIME-Version: 1.0
                Content-Transfer-Encoding: 7bit
                Content-Disposition: attachment; filename="run.sh"

                #!/bin/sh
                echo hi
                --===============0000000000000000042==
                Content-Type: text/plain; charset="us-ascii"
                MIME-Version: 1.0
                Content-Transfer-Encoding: 7bit

                plain
                --===============0000000000000000042==--
                """);
    }

    @Test
    void textThatIsNotAsciiIsBase64InLinesOf76() {
        String text = "é".repeat(100);
        String message = Mime.write(List.of(new Mime.Part(text, "", "")), Mime.boundary(1));
        assertThat(message).contains("charset=\"utf-8\"").contains("Content-Transfer-Encoding: base64");
        String body = message.substring(message.indexOf("base64\n\n") + 8, message.lastIndexOf("\n--="));
        assertThat(body.lines()).allMatch(line -> line.length() <= 76);
        assertThat(Mime.read(message)).containsExactly(new Mime.Part(text, "plain", ""));
    }

    @Test
    void textThatIsNotAMultipartMessageHasNoParts() {
        assertThat(Mime.read("#!/bin/sh\necho hi")).isEmpty();
        assertThat(Mime.read("Content-Type: text/plain\n\nhello")).isEmpty();
        assertThat(Mime.read("")).isEmpty();
    }

    @Test
    void aMessageWithCrlfLineEndsAndFoldedHeadersIsRead() {
        String message = "Content-Type: multipart/mixed;\r\n boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/cloud-config\r\nContent-Disposition: attachment;\r\n filename=\"c.yaml\"\r\n\r\n"
                + "#cloud-config\r\n--b--\r\n";
        assertThat(Mime.read(message)).containsExactly(new Mime.Part("#cloud-config", "cloud-config", "c.yaml"));
    }

    /** Whatever parts are written, reading the message gives them back. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void writtenPartsAreReadBack(long seed) {
        Random random = new Random(seed);
        String alphabet = "ab c\n\t-=é#:\"";
        List<Mime.Part> parts = new ArrayList<>();
        for (int i = 0, n = random.nextInt(4); i <= n; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0, len = random.nextInt(200); j < len; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String subtype = random.nextBoolean() ? "plain" : "x-shellscript";
            String filename = random.nextBoolean() ? "" : "f" + i + ".txt";
            parts.add(new Mime.Part(text.toString(), subtype, filename));
        }
        String message = Mime.write(parts, Mime.boundary(random.nextLong(Long.MAX_VALUE)));
        assertThat(Mime.read(message)).isEqualTo(parts);
    }

    @Test
    void cloudConfigIsBlockYamlWithSortedKeys() {
        assertThat(CloudConfigResource.render(java.util.Map.of("write_files", List.of(java.util.Map.of("path", "/a",
                "content", "x")), "bootcmd", List.of("echo 1"))))
                .isEqualTo("#cloud-config\nbootcmd:\n- echo 1\nwrite_files:\n- content: x\n  path: /a\n");
        assertThat(CloudConfigResource.render(null)).isEqualTo("#cloud-config\n{}\n");
    }
}
