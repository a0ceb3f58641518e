package io.facecheck.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repositories on a real H2 file; {@link RepositoriesPostgresTest} runs the same tests on PostgreSQL. */
class RepositoriesTest {
    @TempDir
    Path dir;
    private String url;
    private Database db;
    private EmployeeRepository employees;
    private TemplateRepository templates;
    private EventRepository events;

    /** The store these tests run on. */
    StoreKind store() {
        return StoreKind.H2;
    }

    @BeforeEach
    void open() {
        url = store().newUrl(dir);
        db = store().open(url);
        employees = new EmployeeRepository(db);
        templates = new TemplateRepository(db);
        events = new EventRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void namesInAnyScriptRoundTripThroughTheFile() {
        employees.create("CN01", "王小明", "研发部");
        employees.create("FR01", "Zoë Ångström-Müller", "Ñandú & Çà");
        employees.create("JP01", "山田 太郎 🙂", null);
        db.close();
        db = store().open(url);
        employees = new EmployeeRepository(db);
        assertThat(employees.require("CN01").name()).isEqualTo("王小明");
        assertThat(employees.require("CN01").department()).isEqualTo("研发部");
        assertThat(employees.require("FR01").name()).isEqualTo("Zoë Ångström-Müller");
        assertThat(employees.require("FR01").department()).isEqualTo("Ñandú & Çà");
        assertThat(employees.require("JP01").name()).isEqualTo("山田 太郎 🙂");
    }

    @Test
    void theGreetingNameAndTheReadingAreStoredTrimmedAndOptional() {
        // as an IME leaves them: full-width spaces (U+3000) around the words
        Employee yamada = employees.create("JP02", "山田太郎", "営業部", "\u3000山田\u3000", " やまだ たろう ");
        assertThat(yamada.greetingName()).isEqualTo("山田");
        assertThat(yamada.reading()).isEqualTo("やまだ たろう");
        assertThat(yamada.greeting()).isEqualTo("山田");
        Employee wang = employees.create("CN02", "王芳", null);
        assertThat(wang.greetingName()).isNull();
        assertThat(wang.reading()).isNull();
        assertThat(wang.greeting()).isEqualTo("王芳");

        employees.updateNames("CN02", "芳芳", "wáng fāng");
        db.close();
        db = store().open(url);
        employees = new EmployeeRepository(db);
        assertThat(employees.require("CN02").greetingName()).isEqualTo("芳芳");
        assertThat(employees.require("CN02").reading()).isEqualTo("wáng fāng");
        assertThat(employees.require("JP02").greetingName()).isEqualTo("山田");
        // the other updates keep them; blank clears them
        employees.update("JP02", "山田 太郎", "営業部", true);
        assertThat(employees.require("JP02").greetingName()).isEqualTo("山田");
        assertThat(employees.require("JP02").reading()).isEqualTo("やまだ たろう");
        employees.updateNames("JP02", "\u3000", "");
        assertThat(employees.require("JP02").greetingName()).isNull();
        assertThat(employees.require("JP02").greeting()).isEqualTo("山田 太郎");
    }

    @Test
    void aGreetingNameOrReadingThatIsNotOneShortLineIsRefusedAndNothingChanges() {
        employees.create("E1", "Ada", null, "Ada", null);
        assertThatThrownBy(() -> employees.updateNames("E1", "Ada\nLovelace", null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("greeting name contains a control character (a line break at character 4)");
        assertThatThrownBy(() -> employees.updateNames("E1", null, "x".repeat(EmployeeFields.MAX_READING + 1)))
                .isInstanceOf(StoreException.class).hasMessageContaining("reading is too long: at most 200");
        assertThatThrownBy(() -> employees.create("E2", "Bob", null, "B\tob", null))
                .isInstanceOf(StoreException.class).hasMessageContaining("greeting name contains a control character");
        assertThatThrownBy(() -> employees.updateNames("NOPE", "x", null))
                .isInstanceOf(StoreException.class).hasMessage("no employee with code NOPE");
        assertThat(employees.require("E1").greetingName()).isEqualTo("Ada");
        assertThat(employees.findByCode("E2")).isEmpty();
    }

    @Test
    void employeeCodesAreUnique() {
        employees.create("E1", "Ada", null);
        assertThatThrownBy(() -> employees.create("E1", "Other", null))
                .isInstanceOf(StoreException.class).hasMessage("employee code E1 already exists");
        assertThatThrownBy(() -> employees.require("NOPE"))
                .isInstanceOf(StoreException.class).hasMessage("no employee with code NOPE");
        assertThatThrownBy(() -> employees.create(" ", "x", null))
                .isInstanceOf(StoreException.class).hasMessageContaining("code must not be empty");
    }

    @Test
    void controlCharactersAndOverlongValuesAreRefusedNamingTheLimitNotEchoingTheValue() {
        assertThatThrownBy(() -> employees.create("E1", "Tony\tBlair", null))
                .isInstanceOf(StoreException.class)
                .hasMessage("employee name contains a control character (a tab at character 5); it must be one line "
                        + "of text");
        assertThatThrownBy(() -> employees.create("E1", "Tony\nBlair", null))
                .hasMessageContaining("a line break at character 5");
        assertThatThrownBy(() -> employees.create("E\u00071", "Tony", null))
                .hasMessageContaining("employee code contains a control character (U+0007 at character 2)");
        assertThatThrownBy(() -> employees.create("E1", "Tony", "Lab\rour"))
                .hasMessageContaining("department contains a control character");
        String longName = "x".repeat(300);
        assertThatThrownBy(() -> employees.create("E1", longName, null))
                .isInstanceOf(StoreException.class)
                .hasMessage("employee name is too long: at most 200 characters (got 300)");
        assertThatThrownBy(() -> employees.create("c".repeat(65), "Tony", null))
                .hasMessage("employee code is too long: at most 64 characters (got 65)");
        assertThatThrownBy(() -> employees.create("E1", "Tony", "d".repeat(201)))
                .hasMessage("department is too long: at most 200 characters (got 201)");
        assertThat(employees.list(true)).isEmpty();

        // the limits themselves fit both databases' columns, in any script; surrounding spaces are trimmed
        employees.create("c".repeat(64), "王".repeat(200), "d".repeat(200));
        employees.create("E2", "  Tony Blair\n", null);
        assertThat(employees.require("E2").name()).isEqualTo("Tony Blair");

        // an update is checked the same way, and changes nothing when refused
        assertThatThrownBy(() -> employees.update("E2", "Tony\u0085Blair", null, true))
                .hasMessageContaining("U+0085 at character 5");
        assertThatThrownBy(() -> employees.update("E2", longName, null, true))
                .hasMessage("employee name is too long: at most 200 characters (got 300)");
        assertThat(employees.require("E2").name()).isEqualTo("Tony Blair");
    }

    @Test
    void templatesKeepTheirVectorAndAreListedPerModelForActiveEmployeesOnly() {
        Employee a = employees.create("A", "Ada", null);
        Employee b = employees.create("B", "Bob", null);
        float[] v = {0.6f, -0.8f, 1e-7f, 0.0f};
        long crop = templates.addCrop(a.id(), new byte[]{1, 2, 3}, 112, 112, 0.9, "a1.jpg");
        FaceTemplate t = templates.add(a.id(), crop, "mobilefacenet@1", v, 0.9, "a1.jpg");
        templates.add(b.id(), null, "mobilefacenet@1", new float[]{1, 0, 0, 0}, 0.5, "b1.jpg");
        templates.add(a.id(), crop, "resnet@1", new float[]{0, 1}, 0.9, "a1.jpg");

        assertThat(t.vector()).containsExactly(v);
        assertThat(templates.listByModel("mobilefacenet@1")).extracting(FaceTemplate::employeeCode)
                .containsExactly("A", "B");
        assertThat(templates.listByModel("resnet@1")).hasSize(1);
        assertThat(templates.listByModel("other")).isEmpty();
        assertThat(employees.templateCounts("mobilefacenet@1")).containsEntry("A", 1).containsEntry("B", 1);

        employees.update("B", "Bob", null, false);
        assertThat(templates.listByModel("mobilefacenet@1")).extracting(FaceTemplate::employeeCode)
                .containsExactly("A");
    }

    @Test
    void batchFilledTemplatesAreSealedAndReadLikeAddedOnesAndGoAgainByCodePrefix() throws Exception {
        Employee a = employees.create("A", "Ada", null);
        templates.add(a.id(), null, "m@1", new float[]{0.6f, 0.8f, 0, 0}, 1.0, "a.jpg");
        GalleryFill fill = new GalleryFill(db);
        int written = fill.add(java.util.List.of(
                new GalleryFill.Person("BENCH-1", "One", java.util.List.of(new float[]{1, 0, 0, 0},
                        new float[]{0, 1, 0, 0})),
                new GalleryFill.Person("BENCH-2", "Two", java.util.List.of(new float[]{0, 0, 1, 0}))),
                "m@1", 1.0, "bench");

        assertThat(written).isEqualTo(3);
        java.util.List<FaceTemplate> all = templates.listByModel("m@1");
        assertThat(all).extracting(FaceTemplate::employeeCode).containsExactly("A", "BENCH-1", "BENCH-1", "BENCH-2");
        assertThat(all.get(2).vector()).containsExactly(0, 1, 0, 0);
        assertThat(all.get(3).source()).isEqualTo("bench");
        assertThat(employees.require("BENCH-2").active()).isTrue();
        // each row sealed under the current key with its own id, as add() seals them
        int rows = db.inTransaction(c -> {
            int n = 0;
            try (var rs = c.createStatement().executeQuery("SELECT id, key_id, sealed, dimension FROM face_template")) {
                while (rs.next()) {
                    n++;
                    byte[] sealed = rs.getBytes("sealed");
                    assertThat(rs.getString("key_id")).isEqualTo(FaceDataCipher.keyIdOf(sealed))
                            .isEqualTo(db.faceCipher().keys().writeKey().id());
                    assertThat(rs.getInt("dimension")).isEqualTo(4);
                    long id = rs.getLong("id");
                    assertThat(db.faceCipher().openVector(FaceDataEncryption.TEMPLATES, id, sealed)).hasSize(4);
                    assertThatThrownBy(() -> db.faceCipher().open(FaceDataEncryption.TEMPLATES, id + 1000, sealed))
                            .isInstanceOf(StoreException.class);
                }
            }
            return n;
        });
        assertThat(rows).isEqualTo(4);
        // running kiosks are told, as for add()
        assertThat(templates.changes().since(0)).extracting(GalleryChanges.Change::employeeCode)
                .containsExactly("A", "BENCH-1", "BENCH-1", "BENCH-2");
        // a taken code: nothing of the batch is written
        assertThatThrownBy(() -> fill.add(java.util.List.of(new GalleryFill.Person("BENCH-3", "Three",
                java.util.List.of(new float[]{0, 0, 0, 1})), new GalleryFill.Person("A", "Again",
                java.util.List.of(new float[]{0, 0, 0, 1}))), "m@1", 1.0, "bench"))
                .isInstanceOf(StoreException.class);
        assertThat(employees.findByCode("BENCH-3")).isEmpty();

        assertThat(fill.removeByCodePrefix("BENCH-")).isEqualTo(2);
        assertThat(templates.listByModel("m@1")).extracting(FaceTemplate::employeeCode).containsExactly("A");
        assertThat(templates.changes().since(0)).extracting(GalleryChanges.Change::employeeCode).containsExactly("A");
        assertThat(employees.list(true)).extracting(Employee::code).containsExactly("A");
    }

    @Test
    void deletingAnEmployeeErasesTemplatesCropsAndEvents() {
        Employee a = employees.create("A", "Ada", null);
        long crop = templates.addCrop(a.id(), new byte[]{9}, 112, 112, 1, "x");
        templates.add(a.id(), crop, "m", new float[]{1, 0}, 1, "x");
        events.insert(EventRepository.NewEvent.kiosk(a.id(), Instant.parse("2026-01-05T08:00:00Z"),
                ZoneId.of("UTC"), Direction.IN, 0.3, null, "k1"));
        assertThat(templates.countForEmployee(a.id())).isEqualTo(2);

        assertThat(employees.delete("A")).isTrue();
        assertThat(templates.countForEmployee(a.id())).isZero();
        assertThat(templates.allCrops()).isEmpty();
        assertThat(events.all()).isEmpty();
        assertThat(employees.delete("A")).isFalse();
    }

    @Test
    void eventsKeepInstantZoneAndDetails() {
        Employee a = employees.create("A", "Ada", "Ops");
        Instant at = Instant.parse("2026-03-29T00:59:59.123Z");
        CheckInEvent e = events.insert(EventRepository.NewEvent.kiosk(a.id(), at, ZoneId.of("Europe/Paris"),
                Direction.IN, 0.42, 0.05, "door"));
        assertThat(e.at()).isEqualTo(at);
        assertThat(e.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(e.localTime().getHour()).isEqualTo(1);
        assertThat(e.code()).isEqualTo("A");
        assertThat(e.department()).isEqualTo("Ops");
        assertThat(e.distance()).isEqualTo(0.42);
        assertThat(e.liveness()).isEqualTo(0.05);
        assertThat(e.manual()).isFalse();
        assertThat(events.lastOf(a.id(), at)).contains(e);
        assertThat(events.lastOf(a.id(), at.minusMillis(1))).isEmpty();
        assertThat(events.between(at, at.plusMillis(1))).containsExactly(e);
        assertThat(events.between(at.plusMillis(1), at.plusSeconds(60))).isEmpty();

        CheckInEvent fixed = events.correct(e.id(), at.plusSeconds(60), Direction.OUT, "forgot", "admin");
        assertThat(fixed.direction()).isEqualTo(Direction.OUT);
        assertThat(fixed.correctionReason()).isEqualTo("forgot");
        assertThat(fixed.manual()).isTrue();
    }

    @Test
    void adminPasswordsAreHashedAndLoginsAudited() {
        AdminUsers admins = new AdminUsers(db);
        assertThat(admins.any()).isFalse();
        admins.add("root", "correct horse".toCharArray(), "cli");
        assertThat(admins.any()).isTrue();
        String stored = db.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT password_hash FROM admin_user")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).startsWith("$2").doesNotContain("correct horse");
        assertThat(admins.verify("root", "correct horse".toCharArray())).isTrue();
        assertThat(admins.verify("root", "wrong horse".toCharArray())).isFalse();
        assertThat(admins.verify("nobody", "correct horse".toCharArray())).isFalse();
        assertThatThrownBy(() -> admins.add("root", "another one".toCharArray(), "cli"))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> admins.add("x", "short".toCharArray(), "cli"))
                .hasMessageContaining("too short");
        assertThat(new AuditLog(db).recent(10)).extracting(AuditEntry::action)
                .containsExactly("login-failed", "login-failed", "login", "admin-user");
    }
}
