package io.facecheck.ui;

import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.TemplateRepository;

/**
 * The store's repositories under a running {@link AppServices}, for tests that set data up or check what a screen
 * wrote. The screens themselves use the services of {@code io.facecheck.app}.
 */
public final class Repos {
    private Repos() {
    }

    public static EmployeeRepository employees(AppServices s) {
        return new EmployeeRepository(s.backend().database());
    }

    public static EventRepository events(AppServices s) {
        return new EventRepository(s.backend().database());
    }

    public static TemplateRepository templates(AppServices s) {
        return new TemplateRepository(s.backend().database());
    }
}
