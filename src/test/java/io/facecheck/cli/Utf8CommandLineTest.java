package io.facecheck.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the arguments again from the process's raw command line, as the JVM got them under an ASCII locale. */
class Utf8CommandLineTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void argumentsTheJvmCouldNotDecodeAreReadAgainAsUtf8() {
        // "张三" is 6 bytes, each of which the JVM made U+FFFD (or '?', by another decoder)
        String[] jvm = {"enroll", "--name", "\uFFFD".repeat(6), "Zo??.jpg"};
        List<byte[]> cmdline = List.of(utf8("/usr/bin/java"), utf8("-jar"), utf8("facecheck.jar"),
                utf8("enroll"), utf8("--name"), utf8("张三"), utf8("Zoë.jpg"));
        assertThat(Utf8CommandLine.recover(jvm, cmdline)).containsExactly("enroll", "--name", "张三", "Zoë.jpg");
    }

    @Test
    void aCommandLineThatDoesNotMatchTheArgumentsIsNotUsed() {
        // the arguments came from elsewhere (an @argfile): the raw ones are not these
        String[] jvm = {"--name", "\uFFFD\uFFFD"};
        List<byte[]> cmdline = List.of(utf8("java"), utf8("@args"));
        assertThat(Utf8CommandLine.recover(jvm, cmdline)).containsExactly(jvm);
        assertThat(Utf8CommandLine.recover(jvm, List.of(utf8("--name"), utf8("x"), utf8("é"))))
                .containsExactly(jvm);
    }

    @Test
    void bytesThatAreNotUtf8StayAsTheJvmDecodedThem() {
        String[] jvm = {"--name", "Zo\uFFFD"};
        List<byte[]> cmdline = List.of(utf8("java"), utf8("--name"), new byte[] {'Z', 'o', (byte) 0xEB});
        assertThat(Utf8CommandLine.recover(jvm, cmdline)).containsExactly(jvm);
    }
}
