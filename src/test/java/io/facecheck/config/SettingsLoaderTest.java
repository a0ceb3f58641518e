package io.facecheck.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    private AppDirs dirs() {
        return new AppDirs(dir.resolve("cfg"), dir.resolve("data"));
    }

    @Test
    void shippedDefaultsPutTheDatabaseInTheUserDataFolder() {
        Settings s = SettingsLoader.load(dirs(), null, Map.of());
        assertThat(s.database().url())
                .isEqualTo("jdbc:h2:file:" + dir.resolve("data").toString().replace('\\', '/')
                        + "/facecheck;AUTO_SERVER=TRUE");
        assertThat(s.checkIn().debounce()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.checkIn().liveness()).isFalse();
        assertThat(s.checkIn().direction()).isEqualTo(DirectionMode.TOGGLE);
        assertThat(s.checkIn().k()).isLessThanOrEqualTo(s.checkIn().n());
        assertThat(s.checkIn().livenessThreshold()).isEmpty();
        assertThat(s.engine().threshold()).isEmpty();
        assertThat(s.report().bom()).isTrue();
    }

    @Test
    void shippedDefaultsOnTheClasspathMatchTheFileInConfig() throws Exception {
        Path repoFile = Path.of("config/facecheck.properties");
        try (var in = SettingsLoader.class.getClassLoader().getResourceAsStream(SettingsLoader.DEFAULTS_RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(repoFile));
        }
    }

    @Test
    void userFileOverridesDefaultsAndFlagsOverrideBoth() throws Exception {
        Path user = dir.resolve("user.properties");
        Files.writeString(user, """
                checkin.debounce=PT10M
                checkin.direction=in
                checkin.zone=Asia/Shanghai
                checkin.work-start=08:30
                engine.threshold=1.1
                database.url=jdbc:h2:file:${dataDir}/other
                """);
        Map<String, String> flags = new HashMap<>();
        flags.put("checkin.debounce", "60");
        flags.put("checkin.liveness", "on");
        Settings s = SettingsLoader.load(dirs(), user, flags);
        assertThat(s.checkIn().debounce()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.checkIn().direction()).isEqualTo(DirectionMode.IN);
        assertThat(s.checkIn().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(s.checkIn().workStart()).isEqualTo(LocalTime.of(8, 30));
        assertThat(s.checkIn().liveness()).isTrue();
        assertThat(s.engine().threshold()).hasValue(1.1);
        assertThat(s.database().url()).endsWith("data/other");
    }

    @Test
    void livenessReadsModesAndTheOldBoolean() throws Exception {
        Path user = dir.resolve("none.properties");
        assertThat(SettingsLoader.load(dirs(), user, Map.of()).liveness().mode()).isEqualTo(LivenessMode.OFF);
        Settings old = SettingsLoader.load(dirs(), user, Map.of("checkin.liveness", "true"));
        assertThat(old.liveness().mode()).isEqualTo(LivenessMode.NET);
        assertThat(old.checkIn().liveness()).as("true keeps meaning the anti-spoofing network").isTrue();
        assertThat(SettingsLoader.load(dirs(), user, Map.of("checkin.liveness", "false")).liveness().mode())
                .isEqualTo(LivenessMode.OFF);
        Settings passive = SettingsLoader.load(dirs(), user, Map.of("checkin.liveness", "passive"));
        assertThat(passive.liveness().mode()).isEqualTo(LivenessMode.PASSIVE);
        assertThat(passive.checkIn().liveness()).isFalse();
        assertThat(passive.liveness().nonPlanarity()).isEqualTo(0.06);
        Settings challenge = SettingsLoader.load(dirs(), user,
                Map.of("checkin.liveness", "challenge", "checkin.liveness.challenge", "unsure"));
        assertThat(challenge.liveness().mode()).isEqualTo(LivenessMode.CHALLENGE);
        assertThat(challenge.liveness().challengeAlways()).isFalse();
        assertThatThrownBy(() -> SettingsLoader.load(dirs(), user, Map.of("checkin.liveness", "maybe")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("checkin.liveness=maybe")
                .hasMessageContaining("off, passive, challenge");
    }

    @Test
    void livenessContinuityThresholdsComeFromTheSettings() throws Exception {
        Settings s = SettingsLoader.load(dirs(), null, Map.of("liveness.cut.min-correlation", "0.42",
                "liveness.discontinuous-cuts", "7"));
        var engine = io.facecheck.attendance.LivenessTests.of(s.liveness()).continuity();
        assertThat(engine.minCorrelation()).isEqualTo(0.42);
        assertThat(engine.cuts()).isEqualTo(7);
        assertThat(engine.boxShift()).isEqualTo(s.liveness().cutBoxShift());
        assertThatThrownBy(() -> SettingsLoader.load(dirs(), null, Map.of("liveness.cut.min-correlation", "1.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("liveness.cut.min-correlation=1.5")
                .hasMessageContaining("between -1 and 1");
        assertThatThrownBy(() -> SettingsLoader.load(dirs(), null, Map.of("liveness.cut.box-scale", "0.9")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("above 1");
        assertThatThrownBy(() -> SettingsLoader.load(dirs(), null, Map.of("liveness.discontinuous-cuts", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 1");
    }

    @Test
    void badValuesNameTheKeyAndTheFile() throws Exception {
        Path user = dir.resolve("user.properties");
        Files.writeString(user, "checkin.debounce=five minutes\n");
        assertThatThrownBy(() -> SettingsLoader.load(dirs(), user, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("checkin.debounce=five minutes")
                .hasMessageContaining(user.toString());
        assertThatThrownBy(() -> SettingsLoader.load(dirs(), null, Map.of("checkin.k", "9")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("1 <= k <= n");
        assertThatThrownBy(() -> SettingsLoader.load(dirs(), null, Map.of("checkin.direction", "SIDEWAYS")))
                .hasMessageContaining("checkin.direction").hasMessageContaining("command line");
    }

    @Test
    void userFileUpdatesAreMergedAndReadBack() {
        Path user = dir.resolve("cfg/facecheck.properties");
        UserSettingsFile.update(user, Map.of("checkin.debounce", "PT2M", "checkin.kiosk-id", "东门"));
        UserSettingsFile.update(user, Map.of("checkin.debounce", "PT3M"));
        Settings s = SettingsLoader.load(dirs(), user, Map.of());
        assertThat(s.checkIn().debounce()).isEqualTo(Duration.ofMinutes(3));
        assertThat(s.checkIn().kioskId()).isEqualTo("东门");
    }

    @Test
    void perUserFoldersFollowEachPlatformsConvention() {
        Path home = Path.of("/home/ann");
        assertThat(AppDirs.of("Linux", Map.of(), home))
                .isEqualTo(new AppDirs(home.resolve(".config/facecheck"), home.resolve(".local/share/facecheck")));
        assertThat(AppDirs.of("Linux", Map.of("XDG_DATA_HOME", "/srv/d", "XDG_CONFIG_HOME", "rel"), home))
                .isEqualTo(new AppDirs(home.resolve(".config/facecheck"), Path.of("/srv/d/facecheck")));
        assertThat(AppDirs.of("Mac OS X", Map.of(), home).dataDir())
                .isEqualTo(home.resolve("Library/Application Support/FaceCheck"));
        assertThat(AppDirs.of("Windows 11", Map.of("APPDATA", "/c/roam", "LOCALAPPDATA", "/c/local"), home))
                .isEqualTo(new AppDirs(Path.of("/c/roam/FaceCheck"), Path.of("/c/local/FaceCheck")));
        assertThat(AppDirs.of("Linux", Map.of("FACECHECK_HOME", "/opt/fc"), home).dataDir())
                .isEqualTo(Path.of("/opt/fc/data"));
    }

    @Test
    void kioskDimsAfterFiveMinutesByDefaultAndRefusesANegativeTime() throws Exception {
        assertThat(SettingsLoader.load(dirs(), null, Map.of()).kiosk().dimAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(SettingsLoader.load(dirs(), null, Map.of("kiosk.dim-after", "0")).kiosk().dimAfter()).isZero();
        Path user = dir.resolve("user.properties");
        Files.writeString(user, "kiosk.dim-after=-PT1M\n");
        assertThatThrownBy(() -> SettingsLoader.load(dirs(), user, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kiosk.dim-after");
    }

    @Test
    void theScreensSpeakTheSystemsLanguageUnlessUiLanguageNamesOneFaceCheckSpeaks() throws Exception {
        assertThat(SettingsLoader.load(dirs(), null, Map.of()).ui().languageIfSet()).isEmpty();
        Path user = dir.resolve("user.properties");
        Files.writeString(user, "ui.language=ja_JP\n");
        assertThat(SettingsLoader.load(dirs(), user, Map.of()).ui().language()).isEqualTo(java.util.Locale.JAPANESE);
        assertThat(SettingsLoader.load(dirs(), null, Map.of("ui.language", "zh-CN")).ui().language())
                .isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
        Files.writeString(user, "ui.language=klingon\n");
        assertThatThrownBy(() -> SettingsLoader.load(dirs(), user, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ui.language=klingon should be empty (the system's language) or one of en, zh-CN, ja")
                .hasMessageContaining(user.toString());
    }
}
