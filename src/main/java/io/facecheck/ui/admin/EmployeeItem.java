package io.facecheck.ui.admin;

import io.facecheck.store.Employee;

/** A row of the employees table: the employee and how many face templates they have. */
public record EmployeeItem(Employee employee, int templates) {
    public String code() {
        return employee.code();
    }

    public String name() {
        return employee.name();
    }

    public String department() {
        return employee.department() == null ? "" : employee.department();
    }

    public boolean active() {
        return employee.active();
    }

    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        return code().toLowerCase(java.util.Locale.ROOT).contains(q) || name().toLowerCase(java.util.Locale.ROOT).contains(q)
                || department().toLowerCase(java.util.Locale.ROOT).contains(q);
    }
}
