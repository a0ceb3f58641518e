package io.facecheck.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The start-up cache of model checksums (issue 17, item 1): a later process skips hashing a file it has verified,
 * and any change to the file, even one that keeps its size and modification time, makes it hash again.
 */
class VerifiedHashesTest {
    /** The models were copied a moment ago; a clock a minute on lets the cache treat them as settled. */
    private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));

    @TempDir
    Path tmp;

    private Path model() throws Exception {
        return ModelCopies.copy(tmp.resolve("models"), ModelNames.PNET).resolve(ModelNames.PNET);
    }

    private static ModelCard card(Path dir) throws Exception {
        return ModelCard.read(dir.resolve(ModelCard.FILE_NAME));
    }

    @Test
    void aLaterProcessKnowsAVerifiedFileUntilItIsDamagedEvenWithItsSizeAndModificationTimeKept() throws Exception {
        Path dir = model();
        Path pb = dir.resolve(SavedModels.PB);
        String expected = card(dir).files().get(SavedModels.PB);
        Path cacheFile = tmp.resolve("data").resolve(VerifiedHashes.FILE_NAME);

        ModelIntegrity.check(dir, card(dir), new VerifiedHashes(cacheFile, LATER), true);
        assertThat(cacheFile).exists();
        assertThat(new VerifiedHashes(cacheFile, LATER).known(pb, expected)).as("a later process").isTrue();

        long size = Files.size(pb);
        FileTime mtime = Files.getLastModifiedTime(pb);
        Thread.sleep(20); // a kernel clock tick, so that the change time moves
        ModelCopies.damage(pb);
        Files.setLastModifiedTime(pb, mtime); // as `touch -r` would
        assertThat(Files.size(pb)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(pb)).isEqualTo(mtime);

        VerifiedHashes later = new VerifiedHashes(cacheFile, LATER);
        assertThat(later.known(pb, expected)).as("the inode change time gives the damage away").isFalse();
        ModelException e = catchThrowableOfType(() -> ModelIntegrity.check(dir, card(dir), later, true),
                ModelException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(pb.toAbsolutePath().toString(), expected, Sha256.of(pb));
    }

    @Test
    void aFileThatChangedAMomentBeforeItWasHashedIsNotRemembered() throws Exception {
        Path dir = model();
        Path cacheFile = tmp.resolve("data").resolve(VerifiedHashes.FILE_NAME);
        ModelIntegrity.check(dir, card(dir), new VerifiedHashes(cacheFile, Clock.systemUTC()), true);
        // it could still change within the file system's time granularity without its times moving
        assertThat(new VerifiedHashes(cacheFile, LATER).known(dir.resolve(SavedModels.PB),
                card(dir).files().get(SavedModels.PB))).isFalse();
    }

    @Test
    void aCacheThatCannotBeWrittenOrReadDoesNotFailTheCheck() throws Exception {
        Path dir = model();
        Path notAFolder = Files.writeString(tmp.resolve("plain-file"), "x");
        assertThatCode(() -> ModelIntegrity.check(dir, card(dir),
                new VerifiedHashes(notAFolder.resolve(VerifiedHashes.FILE_NAME), LATER), true))
                .doesNotThrowAnyException();

        Path garbage = Files.write(tmp.resolve(VerifiedHashes.FILE_NAME), new byte[] {(byte) 0xff, '\\', 'u', '=', 0});
        assertThatCode(() -> ModelIntegrity.check(dir, card(dir), new VerifiedHashes(garbage, LATER), true))
                .doesNotThrowAnyException();
    }

    @Test
    void aCardThatListsNoFilesIsRefused() throws Exception {
        Path dir = model();
        ModelCard bare = card(dir).withFiles(null);
        ModelException e = catchThrowableOfType(() -> ModelIntegrity.check(dir, bare,
                new VerifiedHashes(tmp.resolve(VerifiedHashes.FILE_NAME), LATER), true), ModelException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("lists no files", dir.toAbsolutePath().toString());
    }
}
