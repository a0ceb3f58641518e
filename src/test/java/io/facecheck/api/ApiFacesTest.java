package io.facecheck.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecheck.attendance.EnrollmentService;
import io.facecheck.attendance.GallerySync;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.MobileFaceNetEmbedder;
import io.facecheck.face.MtcnnDetector;
import io.facecheck.face.Quality;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import io.facecheck.store.AuditLog;
import io.facecheck.store.StoreKind;
import io.facecheck.store.TemplateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos enrolled over HTTP through the real detector, embedder and quality gate (lfw10), a verdict per photo, and
 * face data erased; no answer ever carries a template or a crop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFacesTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    @TempDir
    static Path tmp;
    Models models;
    ApiFixture api;

    @BeforeAll
    void start() {
        models = new Models(Path.of("models"), TfThreads.DEFAULT);
        MtcnnDetector detector = new MtcnnDetector(models);
        MobileFaceNetEmbedder embedder = new MobileFaceNetEmbedder(models);
        ApiFixture[] self = new ApiFixture[1];
        api = new ApiFixture(StoreKind.H2, tmp, () -> new EnrollmentService(self[0].db, detector, embedder,
                new Quality(), new ImageLoader(), new GallerySync(new TemplateRepository(self[0].db), embedder.modelId(),
                embedder.dimension()), embedder.threshold()), ApiFixture.loopback(1000));
        self[0] = api;
        api.services.employees().add("TB", "Tony Blair", null, "test");
    }

    @AfterAll
    void stop() {
        api.close();
        models.close();
    }

    @Test
    void twoPhotosAreEnrolledWithAVerdictEachThenErased() throws IOException {
        ApiFixture.Reply r = upload("/employees/TB/faces", photo("Tony_Blair", 1), photo("Tony_Blair", 2));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("added").asInt()).isEqualTo(2);
        assertThat(body.get("photos")).hasSize(2).allMatch(p -> p.get("accepted").asBoolean());
        assertThat(body.toString()).doesNotContain("embedding").doesNotContain("template\"").doesNotContain("crop");
        assertThat(templates()).isGreaterThanOrEqualTo(2); // enrollment may keep more than one template a photo
        assertThat(new AuditLog(api.db).recent(5)).anyMatch(a -> a.actor().equals("payroll") && "TB".equals(a.target()));

        ApiFixture.Reply erased = api.send("DELETE", "/employees/TB/faces", api.admin, null, null);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(templates()).isZero();
    }

    @Test
    void aFileThatIsNoPhotoGetsItsVerdictAnd400AndNothingIsStored() throws IOException {
        int before = templates();
        ApiFixture.Reply r = upload("/employees/TB/faces", new Part("notes.jpg", "not a JPEG at all".getBytes()));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode verdict = r.json().get("photos").get(0);
        assertThat(verdict.get("photo").asText()).isEqualTo("notes.jpg");
        assertThat(verdict.get("accepted").asBoolean()).isFalse();
        assertThat(r.json().get("message").asText()).isNotBlank();
        assertThat(templates()).isEqualTo(before);

        assertThat(upload("/employees/NOBODY/faces", photo("Tony_Blair", 1)).status()).isEqualTo(404);
    }

    private int templates() {
        return new TemplateRepository(api.db).countForEmployee(api.services.employees().get("TB").orElseThrow().id());
    }

    private record Part(String filename, byte[] bytes) {
    }

    private static Part photo(String person, int n) throws IOException {
        String name = String.format("%s_%04d.jpg", person, n);
        return new Part(name, Files.readAllBytes(LFW.resolve(person).resolve(name)));
    }

    private ApiFixture.Reply upload(String path, Part... parts) {
        String boundary = "----facecheck-test";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                    + p.filename() + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.bytes());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + api.admin)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }
}
