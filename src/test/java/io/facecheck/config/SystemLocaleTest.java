package io.facecheck.config;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system's language as the user set it, whether or not the machine has that locale generated (the JVM reads
 * an ungenerated {@code LANG=ja_JP.UTF-8} as English).
 */
class SystemLocaleTest {
    private static final Locale FALLBACK = Locale.GERMAN;

    @Test
    void langNamesTheLanguageEvenWhereTheLocaleIsNotInstalled() {
        assertThat(SystemLocale.of(Map.of("LANG", "ja_JP.UTF-8"), FALLBACK)).isEqualTo(Locale.JAPAN);
        assertThat(SystemLocale.of(Map.of("LANG", "zh_CN.GB18030"), FALLBACK)).isEqualTo(Locale.CHINA);
        assertThat(SystemLocale.of(Map.of("LANG", "ja"), FALLBACK)).isEqualTo(Locale.JAPANESE);
    }

    @Test
    void lcAllThenLcMessagesWinOverLang() {
        assertThat(SystemLocale.of(Map.of("LANG", "ja_JP.UTF-8", "LC_MESSAGES", "zh_CN.UTF-8"), FALLBACK))
                .isEqualTo(Locale.CHINA);
        assertThat(SystemLocale.of(Map.of("LANG", "ja_JP.UTF-8", "LC_MESSAGES", "zh_CN.UTF-8", "LC_ALL", "en_GB.UTF-8"),
                FALLBACK)).isEqualTo(Locale.UK);
    }

    @Test
    void theCLocaleIsEnglishAndIgnoresLanguage() {
        assertThat(SystemLocale.of(Map.of("LANG", "C"), FALLBACK)).isEqualTo(Locale.ENGLISH);
        assertThat(SystemLocale.of(Map.of("LC_ALL", "C.UTF-8", "LANG", "ja_JP.UTF-8", "LANGUAGE", "ja"), FALLBACK))
                .isEqualTo(Locale.ENGLISH);
        assertThat(SystemLocale.of(Map.of("LANG", "POSIX"), FALLBACK)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void languageListsPreferencesAsGettextReadsThem() {
        assertThat(SystemLocale.of(Map.of("LANG", "en_US.UTF-8", "LANGUAGE", "fr:ja_JP:en"), FALLBACK))
                .isEqualTo(Locale.JAPAN);
        assertThat(SystemLocale.of(Map.of("LANG", "en_US.UTF-8", "LANGUAGE", "fr"), FALLBACK)).isEqualTo(Locale.US);
    }

    @Test
    void withoutVariablesTheJvmDefault() {
        assertThat(SystemLocale.of(Map.of(), FALLBACK)).isEqualTo(FALLBACK);
        assertThat(SystemLocale.of(Map.of("LANG", ""), FALLBACK)).isEqualTo(FALLBACK);
    }
}
