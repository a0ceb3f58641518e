package io.facecheck.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Face data encrypted at rest on a real H2 file: what is on disk, wrong keys, and databases from before. */
class FaceDataEncryptionTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("data/fc");
    }

    private Path key() {
        return dir.resolve("config/facecheck.key");
    }

    static byte[] png(int seed) throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, r.nextInt(0xffffff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static float[] vector(int seed) {
        Random r = new Random(seed);
        float[] v = new float[192];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian() / 14f;
        }
        return v;
    }

    @Test
    void sealedRecordOpensOnlyForItsOwnRowAndKey() {
        FaceKeys a = FaceKeys.base64(java.util.Base64.getEncoder().encodeToString(FaceKeys.generate()));
        FaceKeys b = FaceKeys.base64(java.util.Base64.getEncoder().encodeToString(FaceKeys.generate()));
        FaceDataCipher ca = new FaceDataCipher(a);
        byte[] plain = "a face".getBytes();
        byte[] s1 = ca.seal("enrollment_crop", 7, plain);
        byte[] s2 = ca.seal("enrollment_crop", 7, plain);
        assertThat(s1).isNotEqualTo(s2); // a fresh nonce each time
        assertThat(ca.open("enrollment_crop", 7, s1)).isEqualTo(plain);
        assertThat(FaceDataCipher.keyIdOf(s1)).isEqualTo(a.currentId());
        // another row, another table, another key, a flipped bit: an error, never other bytes
        assertThatThrownBy(() -> ca.open("enrollment_crop", 8, s1)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot decrypt the face data: wrong or missing key (FACECHECK_KEY)");
        assertThatThrownBy(() -> ca.open("face_template", 7, s1)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> new FaceDataCipher(b).open("enrollment_crop", 7, s1))
                .isInstanceOf(StoreException.class).hasMessageContaining("needs key " + a.currentId());
        byte[] flipped = s1.clone();
        flipped[flipped.length - 20] ^= 1;
        assertThatThrownBy(() -> ca.open("enrollment_crop", 7, flipped))
                .hasMessageContaining("fails its integrity check");
    }

    @Test
    void templatesAndCropsAreWrittenEncryptedToOwnerOnlyFiles() throws Exception {
        byte[] png = png(1);
        float[] v = vector(1);
        try (Database db = Database.open(url(), FaceKeys.file(key()))) {
            long emp = new EmployeeRepository(db).create("E1", "Ada", null).id();
            TemplateRepository t = new TemplateRepository(db);
            long crop = t.addCrop(emp, png, 64, 64, 0.9, "test");
            t.add(emp, crop, "m", v, 0.9, "test");
            new UnknownFaceLog(db).record(java.time.Instant.now(), "k", 1.5, png(2));
            // read back through the repositories: the same bytes and floats
            assertThat(t.cropsOf(emp).get(0).png()).isEqualTo(png);
            assertThat(t.listByEmployee(emp).get(0).vector()).containsExactly(v);
        }
        assertThat(FaceDataScan.filesContaining(dir, FaceDataScan.PNG)).isEmpty();
        assertThat(FaceDataScan.filesContainingVector(dir, v)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/fc.mv.db"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config")))).isEqualTo("rwx------");
        // and reopened, it still reads back
        try (Database db = Database.open(url(), FaceKeys.file(key()))) {
            assertThat(new TemplateRepository(db).allCrops().get(0).png()).isEqualTo(png);
        }
    }

    @Test
    void anotherOrMissingKeyIsRefusedWhenTheDatabaseOpens() {
        try (Database db = Database.open(url(), FaceKeys.file(key()))) {
            long emp = new EmployeeRepository(db).create("E1", "Ada", null).id();
            new TemplateRepository(db).add(emp, null, "m", vector(3), 0.9, "test");
        }
        Path other = dir.resolve("other.key");
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("second"), FaceKeys.file(other))) {
            assertThat(Files.exists(other)).isTrue();
        }
        assertThatThrownBy(() -> Database.open(url(), FaceKeys.file(other)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot decrypt the face data: wrong or missing key (" + other + ")")
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.KEY);
        Path missing = dir.resolve("missing.key");
        assertThatThrownBy(() -> Database.open(url(), FaceKeys.file(missing)))
                .hasMessageStartingWith("cannot decrypt the face data: wrong or missing key (" + missing + ")");
        assertThat(missing).doesNotExist(); // no new key is made up for a database that has face data
    }

    @Test
    void databaseWrittenBeforeEncryptionIsEncryptedOnFirstOpen() throws Exception {
        byte[] png = png(4);
        float[] v = vector(4);
        // the schema and rows exactly as the previous version wrote them: plain PNG, plain REAL array
        String url = url();
        Files.createDirectories(dir.resolve("data"));
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO employee (code, name, created_at) VALUES ('OLD', 'Old Timer', CURRENT_TIMESTAMP)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enrollment_crop (employee_id, png, width, height,"
                    + " created_at) VALUES (1, ?, 64, 64, CURRENT_TIMESTAMP)")) {
                ps.setBytes(1, png);
                ps.executeUpdate();
            }
            Float[] boxed = new Float[v.length];
            for (int i = 0; i < v.length; i++) {
                boxed[i] = v[i];
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO face_template (employee_id, crop_id, model_id,"
                    + " dimension, vector, created_at) VALUES (1, 1, 'm', ?, ?, CURRENT_TIMESTAMP)")) {
                ps.setInt(1, v.length);
                ps.setArray(2, c.createArrayOf("REAL", boxed));
                ps.executeUpdate();
            }
        }
        assertThat(FaceDataScan.filesContaining(dir, FaceDataScan.PNG)).isNotEmpty(); // the problem this fixes

        try (Database db = Database.open(url, FaceKeys.file(key()))) {
            TemplateRepository t = new TemplateRepository(db);
            assertThat(t.allCrops().get(0).png()).isEqualTo(png);
            assertThat(t.listByModel("m").get(0).vector()).containsExactly(v);
            db.run(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT vector, key_id FROM face_template")) {
                    rs.next();
                    assertThat(rs.getObject(1)).isNull();
                    assertThat(rs.getString(2)).isEqualTo(db.faceCipher().keys().currentId());
                }
            });
        }
        assertThat(FaceDataScan.filesContaining(dir, FaceDataScan.PNG)).isEmpty();
        assertThat(FaceDataScan.filesContainingVector(dir, v)).isEmpty();
    }

    @Test
    void rotationReencryptsEverythingAndRetiresTheOldKey() {
        float[] v = vector(5);
        String oldId;
        try (Database db = Database.open(url(), FaceKeys.file(key()))) {
            oldId = db.faceCipher().keys().currentId();
            long emp = new EmployeeRepository(db).create("E1", "Ada", null).id();
            new TemplateRepository(db).add(emp, null, "m", v, 0.9, "test");
        }
        Path oldCopy = dir.resolve("old.key");
        copy(key(), oldCopy);
        try (Database db = Database.open(url(), FaceKeys.file(key()))) {
            FaceKeyRotation.Result r = FaceKeyRotation.rotate(db, new FaceKeyRotation.Listener() { });
            assertThat(r.oldKeyId()).isEqualTo(oldId);
            assertThat(r.newKeyId()).isNotEqualTo(oldId).isEqualTo(db.faceCipher().keys().currentId());
            assertThat(r.records()).isEqualTo(1);
            assertThat(new TemplateRepository(db).listByModel("m").get(0).vector()).containsExactly(v);
        }
        assertThat(Path.of(key() + ".new")).doesNotExist();
        try (Database db = Database.open(url(), FaceKeys.file(key()))) {
            assertThat(new TemplateRepository(db).listByModel("m").get(0).vector()).containsExactly(v);
        }
        assertThatThrownBy(() -> Database.open(url(), FaceKeys.file(oldCopy)))
                .hasMessageStartingWith("cannot decrypt the face data: wrong or missing key");
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
