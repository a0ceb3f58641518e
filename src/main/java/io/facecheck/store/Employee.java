package io.facecheck.store;

import java.time.Instant;

/**
 * A person who checks in. {@code code} is unique and what people and reports use; {@code id} is internal.
 *
 * @param greetingName the name the person wants to be greeted with at the kiosk (a nickname, or in Japanese the
 *                     family name the kiosk adds さん to); null: the full {@code name}
 * @param reading      how the name is read (ふりがな, pinyin) for sorting and search; null: none given
 */
public record Employee(long id, String code, String name, String department, boolean active, Instant createdAt,
                       String greetingName, String reading) {

    /** An employee without a greeting name or reading. */
    public Employee(long id, String code, String name, String department, boolean active, Instant createdAt) {
        this(id, code, name, department, active, createdAt, null, null);
    }

    /** The name to greet the person with: the greeting name when set, else the full name. */
    public String greeting() {
        return greetingName == null || greetingName.isBlank() ? name : greetingName;
    }
}
