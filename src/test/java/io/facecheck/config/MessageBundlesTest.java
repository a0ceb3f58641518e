package io.facecheck.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every key exists in all three bundles, with the same placeholders, and no translation is left empty. */
class MessageBundlesTest {

    private static Properties load(String suffix) throws IOException {
        String name = "/io/facecheck/i18n/messages" + suffix + ".properties";
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyKeyExistsInEveryLanguageWithTheSamePlaceholders() throws IOException {
        Properties en = load("");
        List<String> problems = new ArrayList<>();
        for (String suffix : List.of("_zh_CN", "_ja")) {
            Properties tr = load(suffix);
            for (String key : new TreeSet<>(en.stringPropertyNames())) {
                String t = tr.getProperty(key);
                if (t == null) {
                    problems.add("messages" + suffix + " lacks " + key);
                } else if (t.isBlank() && !en.getProperty(key).isBlank()) {
                    problems.add("messages" + suffix + " leaves " + key + " empty");
                } else if (!placeholders(en.getProperty(key)).equals(placeholders(t))) {
                    problems.add("messages" + suffix + " " + key + " has placeholders " + placeholders(t)
                            + ", English has " + placeholders(en.getProperty(key)));
                }
            }
            for (String key : tr.stringPropertyNames()) {
                if (!en.containsKey(key)) {
                    problems.add("messages" + suffix + " has " + key + ", which English does not");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theLanguageComesFromATagAndFallsBackToEnglish() {
        assertThat(Messages.parse("zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.parse("ja_JP")).isEqualTo(Locale.JAPANESE);
        assertThat(Messages.supportedOrEnglish(Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.format(Locale.JAPANESE, "lang.ja")).isEqualTo("日本語");
    }

    private static TreeSet<Integer> placeholders(String pattern) {
        TreeSet<Integer> out = new TreeSet<>();
        MessageFormat f = new MessageFormat(pattern, Locale.ROOT);
        // the indices MessageFormat reads; formats by argument index mirror them
        int n = f.getFormatsByArgumentIndex().length;
        for (int i = 0; i < n; i++) {
            if (pattern.contains("{" + i)) {
                out.add(i);
            }
        }
        return out;
    }
}
