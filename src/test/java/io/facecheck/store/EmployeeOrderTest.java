package io.facecheck.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class EmployeeOrderTest {
    private static Employee person(String code, String name, String reading) {
        return new Employee(code.hashCode(), code, name, null, true, Instant.EPOCH, null, reading);
    }

    private static List<String> sorted(Locale l, Employee... people) {
        List<Employee> list = new ArrayList<>(List.of(people));
        list.sort(EmployeeOrder.comparator(l));
        return list.stream().map(Employee::name).toList();
    }

    @Test
    void chineseNamesInPinyinOrder() {
        // zhang, li, wang, zhao as entered: in pinyin order li, wang, zhang, zhao (not the code points' order)
        assertThat(sorted(Locale.SIMPLIFIED_CHINESE, person("E1", "张三", null), person("E2", "李四", null),
                person("E3", "王芳", null), person("E4", "赵六", null)))
                .containsExactly("李四", "王芳", "张三", "赵六");
    }

    @Test
    void japaneseNamesByTheirReadingInKanaOrder() {
        // by kanji the order would be 佐藤 鈴木 山田 only by chance of code points; the readings decide: sa, su, ya
        assertThat(sorted(Locale.JAPANESE, person("J1", "山田太郎", "やまだ"), person("J2", "佐藤花子", "さとう"),
                person("J3", "鈴木一郎", "すずき")))
                .containsExactly("佐藤花子", "鈴木一郎", "山田太郎");
        // a reading decides even against a name that would sort first
        assertThat(sorted(Locale.JAPANESE, person("J1", "あ", "わたなべ"), person("J2", "ん", "いとう")))
                .containsExactly("ん", "あ");
    }

    @Test
    void searchFindsTheReadingInEitherKanaAndFullWidthLatin() {
        Employee yamada = person("E042", "山田太郎", "やまだ たろう");
        assertThat(EmployeeOrder.matches(yamada, "やまだ", Locale.JAPANESE)).isTrue();
        assertThat(EmployeeOrder.matches(yamada, "ヤマダ", Locale.JAPANESE)).isTrue();
        assertThat(EmployeeOrder.matches(yamada, "ｅ０４２", Locale.JAPANESE)).isTrue();
        assertThat(EmployeeOrder.matches(yamada, "山田", Locale.JAPANESE)).isTrue();
        assertThat(EmployeeOrder.matches(yamada, "すずき", Locale.JAPANESE)).isFalse();
        assertThat(EmployeeOrder.sortKey(person("E1", "张三", " "))).isEqualTo("张三");
    }
}
