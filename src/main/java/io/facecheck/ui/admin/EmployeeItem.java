package io.facecheck.ui.admin;

import io.facecheck.config.Messages;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeOrder;

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

    /** Whether the search box's text finds this row, as the language searches ({@link EmployeeOrder#matches}). */
    boolean matches(String query) {
        return EmployeeOrder.matches(employee, query, Messages.locale());
    }
}
