package io.facecheck.attendance;

import io.facecheck.face.ImageLoader;
import io.facecheck.face.MobileFaceNetEmbedder;
import io.facecheck.face.MtcnnDetector;
import io.facecheck.face.Quality;
import io.facecheck.face.RgbImage;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.StoreException;
import io.facecheck.store.StoreKind;
import io.facecheck.store.TemplateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The photos of one enrollment must show one person, and photos added to a code must show the person enrolled
 * under it; enroll never renames. Real models (MTCNN + MobileFaceNet) on lfw10, on a real H2 file;
 * {@link OnePersonEnrollmentPostgresTest} runs the same on PostgreSQL.
 */
class OnePersonEnrollmentTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static Models models;
    private static MtcnnDetector detector;
    private static MobileFaceNetEmbedder embedder;

    @TempDir
    Path dir;
    private Database db;
    private GallerySync sync;
    private EnrollmentService service;

    StoreKind store() {
        return StoreKind.H2;
    }

    @BeforeAll
    static void loadModels() {
        models = new Models(Path.of("models"), TfThreads.DEFAULT);
        detector = new MtcnnDetector(models);
        embedder = new MobileFaceNetEmbedder(models);
    }

    @AfterAll
    static void closeModels() {
        models.close();
    }

    @BeforeEach
    void open() {
        db = store().open(store().newUrl(dir));
        sync = new GallerySync(new TemplateRepository(db), embedder.modelId(), embedder.dimension());
        service = new EnrollmentService(db, detector, embedder, new Quality(), new ImageLoader(), sync,
                embedder.threshold());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Path photo(String person, int n) {
        return LFW.resolve(person).resolve(String.format("%s_%04d.jpg", person, n));
    }

    private static EnrollmentService.Options plain() {
        return EnrollmentService.Options.defaults("test");
    }

    private static EnrollmentService.Options forced() {
        return new EnrollmentService.Options(true, false, "test");
    }

    @Test
    void photosOfTwoPeopleInOneEnrollmentAreRefusedNamingThePhotoThatDisagrees() {
        Path chirac = photo("Jacques_Chirac", 1);
        Path rumsfeld = photo("Donald_Rumsfeld", 1);
        var mix = service.enroll("mix", "Mix", null, List.of(chirac, rumsfeld), plain());
        assertThat(mix.enrolled()).isFalse();
        assertThat(mix.refused()).isTrue();
        assertThat(mix.notOnePerson()).isNotNull();
        assertThat(mix.notOnePerson().photos()).extracting(EnrollmentService.Mismatch::file)
                .containsExactly(rumsfeld.toString());
        assertThat(mix.notOnePerson().photos().get(0).closest()).isEqualTo(chirac.toString());
        assertThat(mix.notOnePerson().photos().get(0).distance()).isGreaterThanOrEqualTo(embedder.threshold());
        assertThat(mix.notOnePerson().describe()).contains("do not show one person")
                .contains(rumsfeld.toString()).contains(chirac.toString());
        assertThat(new EmployeeRepository(db).findByCode("mix")).isEmpty();
        assertThat(sync.gallery().size()).isZero();

        // one stranger among three photos of Chirac: the stranger is named, not Chirac's photos
        var oneOff = service.enroll("JC", "Jacques Chirac", null,
                List.of(photo("Jacques_Chirac", 1), photo("Jacques_Chirac", 2), rumsfeld, photo("Jacques_Chirac", 4)),
                plain());
        assertThat(oneOff.enrolled()).isFalse();
        assertThat(oneOff.notOnePerson().photos()).extracting(EnrollmentService.Mismatch::file)
                .containsExactly(rumsfeld.toString());

        // photos of one person that are not all pairwise below the threshold still make one person (Tony Blair
        // 2 and 5 are 1.05 apart, linked through 1, 3 and 4)
        var tony = service.enroll("TB", "Tony Blair", null,
                List.of(photo("Tony_Blair", 1), photo("Tony_Blair", 2), photo("Tony_Blair", 3), photo("Tony_Blair", 4),
                        photo("Tony_Blair", 5)), plain());
        assertThat(tony.refused()).as(String.valueOf(tony.notOnePerson())).isFalse();
        assertThat(tony.added()).isEqualTo(5);

        // --force writes them anyway, and the audit log says so
        var forcedMix = service.enroll("mix", "Mix", null, List.of(chirac, rumsfeld), forced());
        assertThat(forcedMix.enrolled()).isTrue();
        assertThat(forcedMix.added()).isEqualTo(2);
        assertThat(new AuditLog(db).recent(1).get(0).details()).contains("forced");
    }

    @Test
    void photosAddedToACodeMustShowThePersonEnrolledUnderIt() throws Exception {
        var tony = service.enroll("TB", "Tony", null, List.of(photo("Tony_Blair", 1), photo("Tony_Blair", 3)),
                plain());
        assertThat(tony.enrolled()).isTrue();

        // two photos of Gerhard Schröder agree with each other but not with Tony's templates
        Path g1 = photo("Gerhard_Schroeder", 1);
        Path g2 = photo("Gerhard_Schroeder", 2);
        var gerhard = service.enroll("TB", "Tony", null, List.of(g1, g2), plain());
        assertThat(gerhard.enrolled()).isFalse();
        assertThat(gerhard.notOnePerson().photos()).extracting(EnrollmentService.Mismatch::file)
                .containsExactly(g1.toString(), g2.toString());
        assertThat(gerhard.notOnePerson().enrolledAs()).isEqualTo("Tony");
        assertThat(gerhard.notOnePerson().describe()).contains("TB (Tony)").contains(g1.toString())
                .contains(photo("Tony_Blair", 1).toString());
        assertThat(sync.gallery().templateCount("TB")).isEqualTo(2);

        // a single photo is checked against the code's templates too
        var single = service.enroll("TB", "Tony", null, List.of(g1), plain());
        assertThat(single.notOnePerson().photos()).extracting(EnrollmentService.Mismatch::file)
                .containsExactly(g1.toString());
        // ... and a single photo of the right person is added
        var more = service.enroll("TB", "Tony", null, List.of(photo("Tony_Blair", 4)), plain());
        assertThat(more.refused()).isFalse();
        assertThat(more.added()).isEqualTo(1);

        // the code's templates are read from the store: an inactive employee (not in the gallery) is checked too
        new EmployeeRepository(db).update("TB", "Tony", null, false);
        sync.refresh("TB");
        var whileAway = service.enroll("TB", "Tony", null, List.of(g1, g2), plain());
        assertThat(whileAway.notOnePerson()).isNotNull();
        new EmployeeRepository(db).update("TB", "Tony", null, true);
        sync.refresh("TB");

        // Tony is still Tony: his next photo is identified as TB, and TB is called Tony
        RgbImage img = new ImageLoader().load(photo("Tony_Blair", 5));
        var face = detector.detect(img).stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
        var verdict = new OpenSetDecision(embedder.threshold(), 0.0)
                .identify(sync.gallery(), embedder.embed(List.of(embedder.align(img, face)))[0]);
        assertThat(verdict.identity()).contains("TB");
        assertThat(new EmployeeRepository(db).require("TB").name()).isEqualTo("Tony");
        assertThat(sync.gallery().templateCount("TB")).isEqualTo(3);
    }

    @Test
    void enrollingUnderAnExistingCodeDoesNotRenameThePerson() {
        service.enroll("TB", "Tony", "Labour", List.of(photo("Tony_Blair", 1), photo("Tony_Blair", 3)), plain());

        // checked before any photo is read: even forced, and even with Tony's own photos
        assertThatThrownBy(() -> service.enroll("TB", "Gerhard", null,
                List.of(photo("Tony_Blair", 4)), forced()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("TB is Tony").hasMessageContaining("not Gerhard")
                .hasMessageContaining("employees update");
        assertThatThrownBy(() -> service.enroll("TB", "Tony", "SPD", List.of(photo("Tony_Blair", 4)), plain()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("department");
        var employee = new EmployeeRepository(db).require("TB");
        assertThat(employee.name()).isEqualTo("Tony");
        assertThat(employee.department()).isEqualTo("Labour");
        assertThat(sync.gallery().templateCount("TB")).isEqualTo(2);

        // the same name (spaces around it do not matter) and no department: photos are added
        var more = service.enroll("TB", " Tony ", null, List.of(photo("Tony_Blair", 4)), plain());
        assertThat(more.added()).isEqualTo(1);
        assertThat(new EmployeeRepository(db).require("TB").department()).isEqualTo("Labour");
    }

    @Test
    void aFolderOrCsvEnrollmentChecksEachPersonOnItsOwn() throws Exception {
        Path people = dir.resolve("people");
        Path chirac = Files.createDirectories(people.resolve("Jacques_Chirac"));
        Files.copy(photo("Jacques_Chirac", 1), chirac.resolve("a.jpg"));
        Files.copy(photo("Jacques_Chirac", 2), chirac.resolve("b.jpg"));
        Path mixed = Files.createDirectories(people.resolve("Mixed"));
        Files.copy(photo("Colin_Powell", 1), mixed.resolve("a.jpg"));
        Files.copy(photo("Hugo_Chavez", 1), mixed.resolve("b.jpg"));
        var results = service.enrollFolder(people, plain());
        assertThat(results).extracting(EnrollmentService.Result::code).containsExactly("Jacques_Chirac", "Mixed");
        assertThat(results.get(0).enrolled()).isTrue();
        assertThat(results.get(1).enrolled()).isFalse();
        assertThat(results.get(1).notOnePerson().photos()).extracting(EnrollmentService.Mismatch::file)
                .containsExactly(mixed.resolve("b.jpg").toString());

        Path csv = dir.resolve("staff.csv");
        Files.writeString(csv, "code,name,department,photo_dir\n"
                + "MX,Mixed Up,Ops,people/Mixed\n"
                + "JC2,Chirac Again,Ops,people/Jacques_Chirac\n", StandardCharsets.UTF_8);
        var report = new EmployeeImporter(service).importCsv(csv, plain());
        assertThat(report.enrolledCodes()).isEmpty();
        // MX: two people; JC2: a duplicate of Jacques_Chirac
        assertThat(report.problems()).extracting(EmployeeImporter.Problem::line).containsExactly(2L, 3L);
        assertThat(report.problems().get(0).message()).contains("MX").contains("do not show one person")
                .contains("b.jpg");
        assertThat(report.problems().get(1).message()).contains("matches employee Jacques_Chirac");
        assertThat(new EmployeeRepository(db).list(true)).extracting(e -> e.code()).containsExactly("Jacques_Chirac");
    }
}
