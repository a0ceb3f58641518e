package io.facecheck.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where FaceCheck looks for its models when no --models, facecheck.models or FACECHECK_MODELS says. */
class ModelsDirTest {
    @TempDir
    Path dir;

    @Test
    void aForeignModelsFolderInTheWorkingDirectoryDoesNotShadowTheInstalledModels() throws Exception {
        Path installed = dir.resolve("opt/facecheck/lib/models");
        Files.createDirectories(installed.resolve(ModelNames.MOBILEFACENET));
        Path jar = dir.resolve("opt/facecheck/lib/app/facecheck.jar");
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);
        Path usersOwn = dir.resolve("home/me/models");
        Files.createDirectories(usersOwn);
        Files.writeString(usersOwn.resolve("my-3d-printer-files.txt"), "not ours");

        assertThat(Models.defaultDir(usersOwn, jar)).isEqualTo(installed);
    }

    @Test
    void aClonesModelsFolderInTheWorkingDirectoryWins() throws Exception {
        Path clone = dir.resolve("src/facecheck/models");
        Files.createDirectories(clone);
        Files.writeString(clone.resolve("MODELS.md"), "# models");
        Path installed = dir.resolve("opt/facecheck/lib/models");
        Files.createDirectories(installed.resolve(ModelNames.MOBILEFACENET));
        Path jar = dir.resolve("opt/facecheck/lib/app/facecheck.jar");

        assertThat(Models.defaultDir(clone, jar)).isEqualTo(clone);
        // and the repository's own folder is recognised as FaceCheck's
        assertThat(Models.defaultDir(Path.of("models"), null)).isEqualTo(Path.of("models"));
        assertThat(Files.isRegularFile(Path.of("models/MODELS.md"))).isTrue();
    }
}
