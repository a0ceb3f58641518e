package io.facecheck.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backups of a real H2 file: what is in them, the daily schedule, restore into empty and non-empty databases. */
class BackupsTest {
    @TempDir
    Path dir;

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name);
    }

    private FaceKeys keys() {
        return FaceKeys.file(dir.resolve("facecheck.key"));
    }

    @Test
    void backupKeepsFaceDataEncryptedAndRestoresItOnlyIntoAnEmptyDatabase() throws Exception {
        float[] v = FaceDataEncryptionTest.vector(9);
        byte[] png = FaceDataEncryptionTest.png(9);
        Path out = dir.resolve("backups/b1.zip");
        try (Database db = Database.open(url("src"), keys())) {
            long emp = new EmployeeRepository(db).create("E1", "Ada", null).id();
            TemplateRepository t = new TemplateRepository(db);
            t.add(emp, t.addCrop(emp, png, 64, 64, 1, "x"), "m", v, 1, "x");
            assertThat(Backups.lastBackup(db)).isEmpty();
            Backups.Result r = Backups.backup(db, out, false, "test");
            assertThat(r.rows()).containsEntry("employee", 1).containsEntry("face_template", 1);
            assertThat(Backups.lastBackup(db)).isPresent();
            assertThatThrownBy(() -> Backups.backup(db, out, false, "test")).hasMessageContaining("exists");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        String script;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(out))) {
            zip.getNextEntry();
            script = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(script).contains("INSERT INTO \"PUBLIC\".\"FACE_TEMPLATE\"");
        assertThat(script.toLowerCase()).doesNotContain("89504e470d0a1a0a"); // no PNG, even as hex
        assertThat(script).doesNotContain(Float.toString(v[0]));

        Backups.Result restored = Backups.restore(out, url("copy"), keys(), false, "test");
        assertThat(restored.rows()).containsEntry("employee", 1).containsEntry("enrollment_crop", 1);
        try (Database db = Database.open(url("copy"), keys())) {
            TemplateRepository t = new TemplateRepository(db);
            assertThat(t.listByModel("m").get(0).vector()).containsExactly(v);
            assertThat(t.allCrops().get(0).png()).isEqualTo(png);
        }
        // not from a file that is not a backup; not into a database with data, unless forced
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a backup");
        assertThatThrownBy(() -> Backups.restore(junk, url("copy"), keys(), true, "test"))
                .hasMessageContaining("is not a FaceCheck backup").hasMessageContaining("nothing was changed");
        assertThatThrownBy(() -> Backups.restore(out, url("copy"), keys(), false, "test"))
                .isInstanceOf(StoreException.class).hasMessageContaining("is not empty").hasMessageContaining("--force");
        assertThat(Backups.restore(out, url("copy"), keys(), true, "test").rows()).containsEntry("employee", 1);
        // a damaged backup (cut short: a full disk, a broken copy) is refused before anything is dropped
        Path cut = dir.resolve("cut.zip");
        byte[] whole = Files.readAllBytes(out);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        assertThatThrownBy(() -> Backups.restore(cut, url("copy"), keys(), true, "test"))
                .isInstanceOf(StoreException.class).hasMessageContaining("backup file " + cut + " is damaged")
                .hasMessageContaining("nothing was changed").hasMessageNotContaining("SQL statement");
        try (Database db = Database.open(url("copy"), keys())) {
            assertThat(new EmployeeRepository(db).list(true)).extracting(e -> e.code()).containsExactly("E1");
            assertThat(new TemplateRepository(db).listByModel("m").get(0).vector()).containsExactly(v);
        }
    }

    @Test
    void aBackupSaysWhichKeysItNeedsAndOneFromBeforeThatIsReadFromItsScript() throws Exception {
        Path out = dir.resolve("b.zip");
        String keyId;
        try (Database db = Database.open(url("src"), keys())) {
            keyId = db.faceCipher().keys().currentId();
            long emp = new EmployeeRepository(db).create("E1", "Ada", null).id();
            new TemplateRepository(db).add(emp, null, "m", FaceDataEncryptionTest.vector(2), 1, "x");
            assertThat(Backups.backup(db, out, false, "test").keyIds()).containsExactly(keyId);
        }
        assertThat(Backups.keyIdsOf(out)).containsExactly(keyId);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.toFile())) {
            assertThat(zip.getComment()).isEqualTo("facecheck face-data keys: " + keyId);
        }
        // a backup written before the keys were recorded: the same zip without its comment
        byte[] bytes = Files.readAllBytes(out);
        int commentLength = ("facecheck face-data keys: " + keyId).length();
        byte[] old = java.util.Arrays.copyOf(bytes, bytes.length - commentLength);
        old[old.length - 2] = 0;
        old[old.length - 1] = 0;
        Path before = Files.write(dir.resolve("old.zip"), old);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(before.toFile())) {
            assertThat(zip.getComment()).isNull();
        }
        assertThat(Backups.keyIdsOf(before)).containsExactly(keyId);
        assertThat(Backups.restore(before, url("copy"), keys(), false, "test").keyIds()).containsExactly(keyId);
    }

    @Test
    void dailyBackupRunsOnceADayAndKeepsTheNewest() {
        Path backups = dir.resolve("daily");
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        try (Database db = Database.open(url("src"), keys())) {
            new EmployeeRepository(db).create("E1", "Ada", null);
            assertThat(Backups.dailyIfDue(db, backups, 2, at(t0))).isPresent();
            assertThat(Backups.dailyIfDue(db, backups, 2, at(t0.plus(Duration.ofHours(5))))).isEmpty();
            assertThat(Backups.dailyIfDue(db, backups, 2, at(t0.plus(Duration.ofDays(1))))).isPresent();
            assertThat(Backups.dailyIfDue(db, backups, 2, at(t0.plus(Duration.ofDays(2))))).isPresent();
        }
        assertThat(Backups.dailyBackups(backups)).extracting(p -> p.getFileName().toString())
                .containsExactly("facecheck-20260303-080000.zip", "facecheck-20260304-080000.zip");
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }
}
