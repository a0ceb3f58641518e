package io.facecheck.cli;

import io.facecheck.config.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
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
        CommandLine root = new CommandLine(new FaceCheckCommand());
        List<String> parents = new ArrayList<>(List.of(""));
        CliLanguage.commandPaths(root).stream().filter(p -> !command(root, p).getSubcommands().isEmpty())
                .forEach(parents::add);
        for (Locale l : Messages.SUPPORTED) {
            for (String parent : parents) {
                List<String> args = new ArrayList<>(parent.isEmpty() ? List.of() : List.of(parent.split("\\.")));
                args.addAll(List.of("--help", "--lang", l.toLanguageTag()));
                CliRun r = CliRun.of(args.toArray(String[]::new));
                assertThat(r.exit()).as(r.err()).isZero();
                Map<String, String> listed = commandList(r.out());
                assertThat(listed.keySet()).as("%s: the commands listed by facecheck %s", l, parent)
                        .containsExactlyElementsOf(command(root, parent).getSubcommands().keySet());
                listed.forEach((name, summary) -> assertThat(summary).as("%s: %s %s", l, parent, name)
                        .matches(".*[.。]$"));
                if (!l.getLanguage().equals("en")) {
                    listed.forEach((name, summary) -> assertThat(summary).as("%s: %s %s is translated", l, parent,
                            name).matches(".*\\p{IsHan}.*"));
                }
            }
        }
    }

    @Test
    void everyCommandAndOptionHasItsHelpInEveryBundle() throws IOException {
        Map<Locale, Properties> bundles = new LinkedHashMap<>();
        for (Locale l : Messages.SUPPORTED) {
            bundles.put(l, bundle(l));
        }
        CommandLine root = new CommandLine(new FaceCheckCommand());
        List<String> paths = new ArrayList<>(List.of("facecheck"));
        paths.addAll(CliLanguage.commandPaths(root));
        List<String> problems = new ArrayList<>();
        int options = 0;
        for (String path : paths) {
            CommandSpec spec = command(root, path.equals("facecheck") ? "" : path).getCommandSpec();
            List<String> keys = new ArrayList<>(List.of(CliLanguage.HELP + path + ".usage.description"));
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec a : args) {
                String key = a.descriptionKey();
                String name = a.isOption() ? ((OptionSpec) a).longestName() : a.paramLabel();
                if (key == null || key.isBlank()) {
                    problems.add(path + " " + name + " has no descriptionKey");
                    continue;
                }
                keys.add(key.startsWith("mixinStandardHelpOptions.") ? CliLanguage.HELP + key : key);
                options++;
            }
            for (String key : keys) {
                bundles.forEach((l, b) -> {
                    String text = b.getProperty(key);
                    if (text == null || text.isBlank()) {
                        problems.add(path + ": " + key + " missing from the " + l + " bundle");
                    } else if (!l.getLanguage().equals("en") && !text.matches("(?s).*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*")) {
                        problems.add(path + ": " + key + " is not translated in " + l + ": " + text);
                    }
                });
            }
        }
        assertThat(options).as("options and parameters walked").isGreaterThan(200);
        assertThat(problems).isEmpty();
    }

    @Test
    void theHelpOfACommandFollowsTheLanguage() throws Exception {
        CliRun ja = CliRun.of("--lang", "ja", "identify", "--help");
        assertThat(ja.exit()).as(ja.err()).isZero();
        assertThat(ja.out()).startsWith("使い方: facecheck identify")
                .contains(Messages.format(Locale.JAPANESE, "help.identify.usage.description"))
                .contains(Messages.format(Locale.JAPANESE, "help.identify.json"))
                .contains(Messages.format(Locale.JAPANESE, "help.mixinStandardHelpOptions.help"))
                .doesNotContain("Print JSON").doesNotContain("Identify the largest face");

        CliRun zh = CliRun.of("employees", "add", "--help", "--lang=zh-CN");
        assertThat(zh.out()).startsWith("用法：facecheck employees add")
                .contains(Messages.format(Locale.SIMPLIFIED_CHINESE, "help.employees.add.department"));
        CliRun en = CliRun.of("train", "--help", "--lang", "en");
        assertThat(en.out()).as("picocli's default value in the bundle's text").contains("Epochs (default: 30).");

        CliProcess fromLang = CliProcess.run(dir, JA, "identify", "--help");
        assertThat(fromLang.exit()).as(fromLang.err()).isZero();
        assertThat(fromLang.out()).as("LANG=ja_JP.UTF-8").startsWith("使い方: facecheck identify")
                .contains(Messages.format(Locale.JAPANESE, "help.identify.img"));
    }

    private static CommandLine command(CommandLine root, String path) {
        CommandLine cl = root;
        for (String name : path.isEmpty() ? new String[0] : path.split("\\.")) {
            cl = cl.getSubcommands().get(name);
        }
        return cl;
    }

    /** The raw bundle of {@code l}, without the fallback to English that {@link Messages} gives. */
    private static Properties bundle(Locale l) throws IOException {
        String suffix = l.getLanguage().equals("en") ? "" : "_" + l.toString();
        try (InputStream in = CliLanguageTest.class.getResourceAsStream(
                "/io/facecheck/i18n/messages" + suffix + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
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
