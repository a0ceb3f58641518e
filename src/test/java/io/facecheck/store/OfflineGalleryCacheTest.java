package io.facecheck.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The kiosk's gallery cache keeps the greeting name, so that an offline kiosk greets people as an online one. */
class OfflineGalleryCacheTest {
    @TempDir
    Path dir;

    private static OfflineStore.CachedPerson person(String code, String name, String greeting) {
        return new OfflineStore.CachedPerson(code, name, null, List.of(new float[]{0.6f, 0.8f}), greeting);
    }

    @Test
    void theGreetingNameIsCachedWithThePersonAndReadBackAfterAReopen() {
        FaceKeys keys = FaceKeys.defaults();
        try (OfflineStore s = OfflineStore.open(dir.resolve("offline"), keys)) {
            s.saveGallery("srv", "m1", 2, 5, List.of(person("JP01", "山田太郎", "山田"), person("CN01", "王芳", null)));
            s.updateGallery("srv", "m1", 2, 6, List.of(person("CN01", "王芳", "芳芳")), List.of());
        }
        try (OfflineStore s = OfflineStore.open(dir.resolve("offline"), keys)) {
            assertThat(s.person("srv", "JP01").orElseThrow()).containsExactly("山田太郎", null, "山田");
            assertThat(s.person("srv", "CN01").orElseThrow()[2]).isEqualTo("芳芳");
            assertThat(s.gallery("srv", "m1").orElseThrow().people())
                    .extracting(OfflineStore.CachedPerson::greetingName).containsExactly("芳芳", "山田");
        }
    }

    @Test
    void aCacheWrittenBeforeGreetingNamesExistedOpensAndGainsTheColumn() throws Exception {
        Path base = dir.resolve("old");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base.toAbsolutePath(), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE cache_person (server VARCHAR(1000) NOT NULL, model_id VARCHAR(100) NOT NULL, "
                    + "code VARCHAR(64) NOT NULL, name VARCHAR(200), department VARCHAR(200), sealed VARBINARY NOT NULL, "
                    + "PRIMARY KEY (server, model_id, code))");
            st.execute("INSERT INTO cache_person VALUES ('srv', 'm1', 'E1', 'Ada', NULL, X'00')");
        }
        try (OfflineStore s = OfflineStore.open(base, FaceKeys.defaults())) {
            assertThat(s.person("srv", "E1").orElseThrow()).containsExactly("Ada", null, null);
        }
    }
}
