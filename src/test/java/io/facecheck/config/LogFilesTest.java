package io.facecheck.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The rotating log file in the data folder (logback), as the program's entry points install it. */
class LogFilesTest {
    @TempDir
    Path dir;

    @AfterEach
    void uninstall() {
        LogFiles.uninstall();
    }

    @Test
    void infoGoesToAFileThatRotatesBySizeAndKeepsTheNewestFiles() throws Exception {
        Path logs = dir.resolve("data/logs");
        Path file = LogFiles.install(logs, 4096, 2).orElseThrow();
        assertThat(file).isEqualTo(logs.resolve("facecheck.log"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        Logger log = LoggerFactory.getLogger("io.facecheck.test");
        log.info("first line of the log");
        for (int i = 0; i < 400; i++) {
            log.info("line {} of a long run of log lines that fills the file until it rotates", i);
        }
        log.info("last line of the log");
        assertThat(Files.readString(file)).contains("last line of the log").contains("INFO");
        assertThat(logs.resolve("facecheck.1.log")).exists();
        assertThat(logs.resolve("facecheck.2.log")).exists();
        assertThat(logs.resolve("facecheck.3.log")).doesNotExist(); // only two old files are kept
        assertThat(Files.size(logs.resolve("facecheck.1.log"))).isLessThan(4096 + 1024);
    }
}
