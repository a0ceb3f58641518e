package io.facecheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Debian package as a user gets it: {@code installer/build.sh deb} builds it from the packaged jar (this test
 * runs in Maven's integration-test phase, after {@code package}), {@code dpkg-deb -x} unpacks it into a folder,
 * and that folder's launcher — with its own jlinked runtime, no repository on the path — verifies the models and
 * works on a real H2 database in the user's data folder, and {@code status} reports the install healthy.
 *
 * <p>Skipped (with the reason) where the tools are missing: dpkg-deb (not a Debian system) or a JDK without
 * jlink/jpackage/jmods. The package is built uncompressed here ({@code FACECHECK_DEB_COMPRESSION=-Znone}) to
 * save time; its content is the same as the released one's.
 */
class DebianPackageIT {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path LFW = ROOT.resolve("src/test/resources/lfw10");
    static final long TIMEOUT_S = 300;

    @TempDir
    static Path tmp;
    static Path deb;
    static Path unpacked;
    static Path launcher;

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        assumeTrue(Files.exists(ROOT.resolve("target/facecheck.jar")) && Files.isDirectory(ROOT.resolve("target/lib")),
                "target/facecheck.jar and target/lib are built by `mvn package`; this test runs after it (mvn verify)");
        for (String tool : List.of("dpkg-deb", "jlink", "jdeps", "jpackage")) {
            assumeTrue(onPath(tool), tool + " is not on the PATH: the Debian package cannot be built here");
        }
        Path jmods = Path.of(System.getProperty("java.home")).resolve("jmods");
        assumeTrue(Files.isDirectory(jmods) || Files.isDirectory(jlinkJdkJmods()),
                "the JDK has no jmods folder, which jlink needs (Debian: it is in openjdk-17-jdk-headless)");

        Run build = run(List.of(ROOT.resolve("installer/build.sh").toString(), "deb"), ROOT,
                Map.of("FACECHECK_DEB_COMPRESSION", "-Znone"));
        assertThat(build.exit()).as("installer/build.sh deb failed:\n%s", build.tail()).isZero();
        try (Stream<Path> s = Files.list(ROOT.resolve("target/installer"))) {
            deb = s.filter(p -> p.getFileName().toString().matches("facecheck_.+_.+\\.deb")).findFirst().orElseThrow();
        }
        unpacked = tmp.resolve("unpacked");
        Run x = run(List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString()), ROOT, Map.of());
        assertThat(x.exit()).as(x.tail()).isZero();
        launcher = unpacked.resolve("opt/facecheck/bin/FaceCheck");
    }

    @Test
    void packageHoldsTheAppItsMenuEntryWithIconAndAnOptInKioskAutostart() throws Exception {
        Run list = run(List.of("dpkg-deb", "-c", deb.toString()), ROOT, Map.of());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("./opt/facecheck/bin/FaceCheck", "./opt/facecheck/lib/runtime/release",
                "./opt/facecheck/lib/models/mobilefacenet/model.json", "./opt/facecheck/lib/config/facecheck.properties",
                "./usr/bin/facecheck", "./usr/share/applications/facecheck.desktop",
                "./usr/share/icons/hicolor/256x256/apps/facecheck.png",
                "./usr/share/facecheck/autostart/facecheck-kiosk.desktop",
                "./usr/lib/systemd/user/facecheck-kiosk.service", "./usr/lib/systemd/user/facecheck-serve.service");
        // files are root's in the package, and nothing is installed under /etc: no autostart is active by itself
        assertThat(list.out().lines().filter(l -> !l.isBlank()))
                .allSatisfy(l -> assertThat(l).contains(" root/root "))
                .noneMatch(l -> l.contains(" ./etc/"));

        BufferedImage icon = ImageIO.read(unpacked.resolve("usr/share/icons/hicolor/256x256/apps/facecheck.png").toFile());
        assertThat(icon.getWidth()).isEqualTo(256);
        assertThat(icon.getHeight()).isEqualTo(256);
        String entry = Files.readString(unpacked.resolve("usr/share/applications/facecheck.desktop"));
        assertThat(entry).contains("Exec=/opt/facecheck/bin/FaceCheck\n", "Icon=facecheck\n", "Type=Application\n");
        assertThat(Files.readString(unpacked.resolve("usr/share/facecheck/autostart/facecheck-kiosk.desktop")))
                .contains("Exec=/opt/facecheck/bin/FaceCheck kiosk --fullscreen");
        assertThat(Files.readString(unpacked.resolve("usr/lib/systemd/user/facecheck-kiosk.service")))
                .contains("ExecStart=/opt/facecheck/bin/FaceCheck kiosk --fullscreen");
        assertThat(Files.readString(unpacked.resolve("usr/lib/systemd/user/facecheck-serve.service")))
                .contains("ExecStart=/opt/facecheck/bin/FaceCheck serve\n");
        assertThat(Files.isExecutable(launcher)).isTrue();
    }

    @Test
    void packageHasNoMaintainerScriptsSoRemovingItLeavesTheUsersData() throws Exception {
        Path control = tmp.resolve("control");
        Run e = run(List.of("dpkg-deb", "-e", deb.toString(), control.toString()), ROOT, Map.of());
        assertThat(e.exit()).as(e.tail()).isZero();
        try (Stream<Path> s = Files.list(control)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("control");
        }
        assertThat(Files.readString(control.resolve("control")))
                .contains("Package: facecheck\n", "Depends: libc6, libgtk-3-0");
    }

    @Test
    void runtimeIsJlinkedWithOnlyTheModulesTheAppNeeds() throws Exception {
        String release = Files.readString(unpacked.resolve("opt/facecheck/lib/runtime/release"));
        assertThat(release).contains("java.sql", "java.desktop", "jdk.unsupported", "java.naming", "jdk.crypto.ec")
                .doesNotContain("jdk.compiler", "jdk.jshell", "jdk.httpserver", "jdk.jdeps", "jdk.jpackage");
        assertThat(Files.exists(unpacked.resolve("opt/facecheck/lib/runtime/bin/javac"))).isFalse();
    }

    @Test
    void launcherOfTheUnpackedPackageVerifiesItsModels() throws Exception {
        Run r = launch("models", "verify");
        assertThat(r.exit()).as(r.tail()).isZero();
        for (String model : List.of("pnet", "rnet", "onet", "mobilefacenet", "anti-spoofing", "ssd-mobilenetv1",
                "landmark68", "face-recognition-resnet")) {
            assertThat(r.out()).containsPattern("OK +" + model + " ");
        }
    }

    @Test
    void launcherOfTheUnpackedPackageEnrollsIdentifiesAndReportsAHealthyInstallFromTheUsersFolders() throws Exception {
        List<Path> before = files(unpacked.resolve("opt"));
        List<String> enroll = new ArrayList<>(List.of("enroll", "--code", "TB", "--name", "Tony Blair"));
        for (int i = 1; i <= 5; i++) {
            enroll.add(LFW.resolve("Tony_Blair/Tony_Blair_000" + i + ".jpg").toString());
        }
        Run e = launch(enroll.toArray(String[]::new));
        assertThat(e.exit()).as(e.tail()).isZero();
        Run id = launch("identify", "--json", LFW.resolve("Tony_Blair/Tony_Blair_0007.jpg").toString());
        assertThat(id.exit()).as(id.tail()).isZero();
        assertThat(id.out()).containsPattern("\"identity\" : \"TB\"");

        Run status = launch("status", "--json");
        assertThat(status.exit()).as(status.tail()).isZero();
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.at("/database/ok").asBoolean()).isTrue();
        assertThat(json.at("/models/ok").asBoolean()).isTrue();
        assertThat(Path.of(json.at("/models/dir").asText()).toRealPath())
                .isEqualTo(unpacked.resolve("opt/facecheck/lib/models").toRealPath());
        assertThat(json.at("/gallery/employees").asInt()).isEqualTo(1);
        assertThat(json.at("/encryption/ok").asBoolean()).isTrue();

        assertThat(tmp.resolve("data/facecheck/facecheck.mv.db")).exists();
        assertThat(files(unpacked.resolve("opt"))).as("nothing written into the installed program").isEqualTo(before);
    }

    @Test
    void launcherOfTheUnpackedPackageLoadsJavaFxAndSaysWhyItCannotOpenAWindowWithoutADisplay() throws Exception {
        Run r = launch("kiosk");
        assertThat(r.exit()).as(r.tail()).isEqualTo(1);
        assertThat(r.err()).contains("cannot open the FaceCheck window")
                .doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "Exception in thread");
    }

    @Test
    void commandUnderTheCLocalePassesNamesAndFileNamesInUtf8AndPrintsNoTensorFlowLines() throws Exception {
        assumeTrue(StandardCharsets.UTF_8.name().equals(System.getProperty("sun.jnu.encoding")),
                "the test itself needs a UTF-8 locale to name its photo 张三.jpg");
        Path script = unpacked.resolve("usr/bin/facecheck");
        assertThat(Files.isExecutable(script)).isTrue();
        String text = Files.readString(script);
        assertThat(text).startsWith("#!/bin/sh\n").contains("exec /opt/facecheck/bin/FaceCheck \"$@\"");
        // the packaged script, aimed at the unpacked launcher instead of the installed one
        Path command = tmp.resolve("facecheck-command");
        Files.writeString(command, text.replace("/opt/facecheck/bin/FaceCheck", launcher.toString()));
        assertThat(command.toFile().setExecutable(true)).isTrue();
        Path photo = Files.copy(LFW.resolve("Tony_Blair/Tony_Blair_0001.jpg"),
                Files.createDirectories(tmp.resolve("照片")).resolve("张三.jpg"));
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        Map<String, String> c = Map.of("LC_ALL", "C", "XDG_DATA_HOME", tmp.resolve("data").toString(),
                "XDG_CONFIG_HOME", tmp.resolve("config").toString());
        String db = "jdbc:h2:file:" + tmp.resolve("locale/facecheck");

        Run enroll = run(List.of(command.toString(), "enroll", "--db", db, "--code", "ZS", "--name", "张三",
                photo.toString()), cwd, c);
        assertThat(enroll.exit()).as(enroll.tail()).isZero();
        assertThat(enroll.out()).contains("(张三)");
        assertThat(enroll.err()).as("nothing but the answer: no TensorFlow lines").isEmpty();
        Run list = run(List.of(command.toString(), "employees", "list", "--db", db, "--json"), cwd, c);
        assertThat(list.exit()).as(list.tail()).isZero();
        assertThat(list.out()).contains("\"name\" : \"张三\"");
    }

    /** Runs the unpacked launcher from an empty folder, with temporary user folders and no display. */
    static Run launch(String... args) throws Exception {
        Path cwd = Files.createDirectories(tmp.resolve("cwd")); // no models/ here: the package's own must be used
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.toString());
        cmd.addAll(List.of(args));
        return run(cmd, cwd, Map.of("XDG_DATA_HOME", tmp.resolve("data").toString(),
                "XDG_CONFIG_HOME", tmp.resolve("config").toString(), "TF_CPP_MIN_LOG_LEVEL", "2"));
    }

    record Run(int exit, String out, String err) {
        String tail() {
            String all = out + "\n--- stderr ---\n" + err;
            return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
        }
    }

    /** Runs a command, stdout and stderr into files (no pipe to fill up), within the time limit. */
    static Run run(List<String> cmd, Path cwd, Map<String, String> env) throws IOException, InterruptedException {
        Path log = Files.createTempFile(tmp, "run", ".out");
        Path err = Files.createTempFile(tmp, "run", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectOutput(log.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        for (String v : List.of("FACECHECK_MODELS", "FACECHECK_HOME", "FACECHECK_KEY", "FACECHECK_LOG")) {
            pb.environment().remove(v);
        }
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish in " + TIMEOUT_S + " s:\n" + Files.readString(log)
                    + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The jmods of the JDK whose jlink is on the PATH (may differ from the JDK running the tests). */
    static Path jlinkJdkJmods() {
        try {
            for (String d : System.getenv("PATH").split(File.pathSeparator)) {
                Path jlink = Path.of(d, "jlink");
                if (Files.isExecutable(jlink)) {
                    return jlink.toRealPath().getParent().getParent().resolve("jmods");
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return Path.of("/nonexistent");
    }
}
