package io.facecheck.cli;

import io.facecheck.config.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line speaks the user's language: the system's ({@code LANG}), else {@code ui.language}, else
 * {@code --lang}, each overriding the one before. The acceptance example, {@code identify missing.jpg}, runs in its
 * own JVM as a shell would start it (the locales are not installed on the build machine, as on a fresh Debian);
 * the rest in-process.
 */
class CliLanguageTest {
    private static final Map<String, String> JA = Map.of("LANG", "ja_JP.UTF-8");

    @TempDir
    Path dir;

    @Test
    void aJapaneseSystemGetsItsErrorInJapaneseAndLangEnSwitchesToEnglish() throws Exception {
        CliProcess ja = CliProcess.run(dir, JA, "identify", "missing.jpg");
        assertThat(ja.exit()).as(ja.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(ja.err()).contains("facecheck: missing.jpg: ファイルが見つかりません").doesNotContain("no such file");

        CliProcess en = CliProcess.run(dir, JA, "identify", "missing.jpg", "--lang", "en");
        assertThat(en.exit()).as(en.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(en.err()).contains("facecheck: missing.jpg: no such file");
    }

    @Test
    void langBeforeTheCommandPicksChineseAndTheSettingsPickJapanese() throws Exception {
        CliProcess zh = CliProcess.run(dir, Map.of("LANG", "C"), "--lang", "zh-CN", "identify", "missing.jpg");
        assertThat(zh.exit()).as(zh.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(zh.err()).contains("missing.jpg: 文件不存在");

        Path settings = io.facecheck.config.AppDirs.of("Linux", Map.of("FACECHECK_HOME", dir.resolve("home").toString()),
                dir).userSettingsFile(); // where CliProcess's child reads its settings
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "ui.language=ja\n");
        CliProcess fromSettings = CliProcess.run(dir, Map.of("LANG", "zh_CN.UTF-8"), "identify", "missing.jpg");
        assertThat(fromSettings.err()).as("ui.language wins over LANG").contains("ファイルが見つかりません");
        CliProcess overridden = CliProcess.run(dir, Map.of(), "identify", "--lang=zh-CN", "missing.jpg");
        assertThat(overridden.err()).as("--lang wins over ui.language").contains("文件不存在");
    }

    @Test
    void anUnknownLanguageIsAUsageErrorListingTheLanguages() {
        CliRun r = CliRun.of("--lang", "xx", "identify", "missing.jpg");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown language 'xx'").contains("en, zh-CN, ja");

        CliRun ja = CliRun.of("identify", "missing.jpg", "--lang", "ja", "--bogus");
        assertThat(ja.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(ja.err()).as("picocli's sentence inside a Japanese one").contains("コマンドラインに誤りがあります: ")
                .contains("--bogus");
    }

    @Test
    void everyCommandIsListedWithAWholeSentenceInEachLanguage() {
        List<String> commands = List.copyOf(new CommandLine(new FaceCheckCommand()).getSubcommands().keySet());
        for (Locale l : Messages.SUPPORTED) {
            CliRun r = CliRun.of("--help", "--lang", l.toLanguageTag());
            assertThat(r.exit()).as(r.err()).isZero();
            Map<String, String> listed = commandList(r.out());
            assertThat(listed.keySet()).as("%s: the commands listed", l).containsExactlyElementsOf(commands);
            listed.forEach((name, summary) -> assertThat(summary).as("%s: %s", l, name).matches(".*[.。]$"));
            if (!l.getLanguage().equals("en")) {
                listed.forEach((name, summary) -> assertThat(summary).as("%s: %s is translated", l, name)
                        .matches(".*\\p{IsHan}.*"));
            }
        }
    }

    @Test
    void theEnglishSummariesInTheBundleAreTheAnnotationsFirstLines() {
        CommandLine root = new CommandLine(new FaceCheckCommand());
        for (String path : CliLanguage.commandPaths(root)) {
            String key = CliLanguage.SUMMARY + path;
            if (!Messages.keys().contains(key)) {
                continue; // not every sub-command has its summary translated yet
            }
            CommandLine cl = root;
            for (String name : path.split("\\.")) {
                cl = cl.getSubcommands().get(name);
            }
            assertThat(Messages.format(Locale.ENGLISH, key)).as(path)
                    .isEqualTo(cl.getCommandSpec().usageMessage().description()[0]);
        }
    }

    /** The "Commands:" section of a usage message: each name and its (unwrapped) summary. */
    private static Map<String, String> commandList(String usage) {
        String[] lines = usage.split("\\R");
        Map<String, String> out = new LinkedHashMap<>();
        Pattern entry = Pattern.compile("^  (\\S+)\\s+(.*)$");
        boolean inList = false;
        String last = null;
        for (String line : lines) {
            if (!line.startsWith(" ")) {
                inList = line.endsWith(":") || line.endsWith("：");
                continue;
            }
            if (!inList) {
                continue;
            }
            Matcher m = entry.matcher(line);
            if (m.matches() && !line.startsWith("   ")) {
                last = m.group(1);
                out.put(last, m.group(2).strip());
            } else if (last != null) {
                String sep = out.get(last).matches(".*\\p{IsLatin}$") ? " " : "";
                out.put(last, out.get(last) + sep + line.strip());
            }
        }
        return out;
    }
}
