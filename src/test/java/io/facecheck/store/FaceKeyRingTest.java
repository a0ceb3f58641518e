package io.facecheck.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key file as a keyring across rotations, on a real H2 file ({@link FaceKeyRingPostgresTest}: PostgreSQL). */
class FaceKeyRingTest {
    @TempDir
    Path dir;

    StoreKind store() {
        return StoreKind.H2;
    }

    private Path key() {
        return dir.resolve("config/facecheck.key");
    }

    private Database open(String url) {
        FaceKeys keys = FaceKeys.file(key());
        return store() == StoreKind.POSTGRESQL ? Database.open(url, PgServer.shared().credentials(), keys)
                : Database.open(url, keys);
    }

    @Test
    void rotationsKeepEveryOldKeyRetiredForDecryptingAndSealOnlyWithTheActiveKey() throws Exception {
        String url = store().newUrl(dir);
        float[] v = FaceDataEncryptionTest.vector(3);
        long templateId;
        byte[] sealedUnderFirst;
        String first;
        try (Database db = open(url)) {
            first = db.faceCipher().keys().currentId();
            long emp = new EmployeeRepository(db).create("E1", "Ada", null).id();
            templateId = new TemplateRepository(db).add(emp, null, "m", v, 0.9, "test").id();
            sealedUnderFirst = sealed(db, templateId);
        }
        String second;
        try (Database db = open(url)) {
            second = FaceKeyRotation.rotate(db, new FaceKeyRotation.Listener() { }).newKeyId();
            FaceKeyRotation.Result r = FaceKeyRotation.rotate(db, new FaceKeyRotation.Listener() { });
            assertThat(r.oldKeyId()).isEqualTo(second);
            assertThat(db.faceCipher().keys().list()).extracting(FaceKeys.Listed::id, FaceKeys.Listed::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(r.newKeyId(), "active"),
                            org.assertj.core.groups.Tuple.tuple(second, "retired"),
                            org.assertj.core.groups.Tuple.tuple(first, "retired"));
            // a record from before both rotations (as a restored backup brings in) still opens with a retired key
            assertThat(db.faceCipher().openVector(FaceDataEncryption.TEMPLATES, templateId, sealedUnderFirst))
                    .containsExactly(v);
            // new records: the active key only
            long emp = new EmployeeRepository(db).create("E2", "Bo", null).id();
            long added = new TemplateRepository(db).add(emp, null, "m", v, 0.9, "test").id();
            assertThat(FaceDataCipher.keyIdOf(sealed(db, added))).isEqualTo(r.newKeyId());
            assertThat(FaceDataCipher.keyIdOf(sealed(db, templateId))).isEqualTo(r.newKeyId());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key()))).isEqualTo("rw-------");
        assertThat(Path.of(key() + ".new")).doesNotExist();
        try (Database db = open(url)) {
            assertThat(new TemplateRepository(db).listByModel("m")).hasSize(2)
                    .allSatisfy(t -> assertThat(t.vector()).containsExactly(v));
        }
    }

    @Test
    void aDamagedKeyringLineIsNamedWithItsFileAndLine() throws Exception {
        Files.createDirectories(key().getParent());
        Files.writeString(key(), "# keyring\nactive 0011223344556677 notbase64\n");
        assertThatThrownBy(() -> open(store().newUrl(dir))).isInstanceOf(StoreException.class)
                .hasMessageContaining(key() + " line 2");
    }

    private static byte[] sealed(Database db, long templateId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sealed FROM face_template WHERE id = ?")) {
                ps.setLong(1, templateId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }
}
