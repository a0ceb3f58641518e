package io.facecheck.ui.kiosk;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The kiosk's greeting for each part of the day, at the boundaries, in each language; and the header's date. */
class GreetingTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale JA = Locale.JAPANESE;
    private static final Locale EN = Locale.ENGLISH;

    private static String in(boolean out, String name, String time, Locale l) {
        return Greeting.of(out, name, LocalTime.parse(time)).in(l);
    }

    @Test
    void theMorningRunsFromFiveToElevenTheAfternoonToSixTheEveningOnUntilFive() {
        assertThat(in(false, "王芳", "04:59", ZH)).isEqualTo("晚上好，王芳");
        assertThat(in(false, "王芳", "05:00", ZH)).isEqualTo("早上好，王芳");
        assertThat(in(false, "王芳", "10:59", ZH)).isEqualTo("早上好，王芳");
        assertThat(in(false, "王芳", "11:00", ZH)).isEqualTo("下午好，王芳");
        assertThat(in(false, "王芳", "17:59", ZH)).isEqualTo("下午好，王芳");
        assertThat(in(false, "王芳", "18:00", ZH)).isEqualTo("晚上好，王芳");
        assertThat(in(false, "王芳", "23:59", ZH)).isEqualTo("晚上好，王芳");
        assertThat(in(false, "王芳", "00:00", ZH)).isEqualTo("晚上好，王芳");
    }

    @Test
    void eachLanguageGreetsPolitelyAndJapaneseAddsSan() {
        assertThat(in(false, "Wang Fang", "08:30", EN)).isEqualTo("Good morning, Wang Fang");
        assertThat(in(false, "Wang Fang", "14:00", EN)).isEqualTo("Good afternoon, Wang Fang");
        assertThat(in(false, "Wang Fang", "19:00", EN)).isEqualTo("Good evening, Wang Fang");
        assertThat(in(false, "山田", "08:30", JA)).isEqualTo("おはようございます、山田さん");
        assertThat(in(false, "山田", "14:00", JA)).isEqualTo("こんにちは、山田さん");
        assertThat(in(false, "山田", "19:00", JA)).isEqualTo("こんばんは、山田さん");
        // no greeting name: the full name with さん, never a guessed family name
        assertThat(in(false, "山田太郎", "08:30", JA)).isEqualTo("おはようございます、山田太郎さん");
    }

    @Test
    void checkingOutIsAGoodbyeWhateverTheHour() {
        for (String t : new String[]{"08:00", "12:00", "18:30"}) {
            assertThat(in(true, "Wang Fang", t, EN)).isEqualTo("Goodbye, Wang Fang");
            assertThat(in(true, "王芳", t, ZH)).isEqualTo("辛苦了，王芳");
            assertThat(in(true, "山田", t, JA)).isEqualTo("お疲れさまでした、山田さん");
        }
    }

    @Test
    void theLineUnderTheGreetingSaysWhichWayAndWhen() {
        ZonedDateTime at = ZonedDateTime.of(2026, 3, 2, 8, 58, 0, 0, ZoneId.of("Asia/Shanghai"));
        assertThat(Greeting.recorded(false, at).in(EN)).isEqualTo("Checked in at 08:58");
        assertThat(Greeting.recorded(true, at).in(ZH)).isEqualTo("下班打卡成功 08:58");
        assertThat(Greeting.recorded(false, at).in(JA)).isEqualTo("08:58 出勤を記録しました");
    }

    @Test
    void theHeaderDateFollowsTheLanguage() {
        LocalDateTime t = LocalDateTime.of(2026, 3, 2, 8, 5, 9); // a Monday
        assertThat(KioskView.clockText(t, ZH)).isEqualTo("2026年3月2日 星期一  08:05:09");
        assertThat(KioskView.clockText(t, JA)).isEqualTo("2026年3月2日(月)  08:05:09");
        assertThat(KioskView.clockText(t, EN)).isEqualTo("Monday 2 March 2026  08:05:09");
        assertThat(KioskView.clockText(t.plusDays(6), JA)).isEqualTo("2026年3月8日(日)  08:05:09");
    }
}
