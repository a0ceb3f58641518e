package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names survive any locale: under {@code LC_ALL=C} (what systemd services, cron and containers get) the JVM decodes
 * the arguments as ASCII and prints through an ASCII encoder, which turned 张三 into {@code ??????} for good. The
 * real command line in its own JVM, a real photo, a real H2 file.
 */
class CommandLineLocaleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> C = Map.of("LC_ALL", "C");
    private static final Map<String, String> C_UTF8 = Map.of("LC_ALL", "C.UTF-8");
    private static final String PHOTO = "src/test/resources/lfw10/Tony_Blair/Tony_Blair_0001.jpg";

    @TempDir
    Path dir;

    @Test
    void aNameGivenUnderTheCLocaleIsStoredAndPrintedInUtf8() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        CliProcess enroll = CliProcess.run(dir, C, "enroll", "--db", db, "--code", "zs", "--name", "张三", PHOTO);
        assertThat(enroll.exit()).as(enroll.err()).isZero();
        // a human message carrying the name: UTF-8 on stdout, whatever the locale (a pipe, a file, a journal)
        assertThat(strictUtf8(enroll.outBytes())).contains("(张三)");

        for (Map<String, String> locale : new Map[] {C, C_UTF8}) {
            CliProcess list = CliProcess.run(dir, locale, "employees", "list", "--db", db, "--json");
            assertThat(list.exit()).as(list.err()).isZero();
            JsonNode employees = JSON.readTree(strictUtf8(list.outBytes()));
            assertThat(employees).as("under %s", locale).hasSize(1);
            assertThat(employees.get(0).get("name").asText()).as("under %s", locale).isEqualTo("张三");
        }
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }
}
