package io.facecheck.ui.admin;

import io.facecheck.store.AdminUsers;
import io.facecheck.ui.BackgroundTask;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Login to the admin screens. On the first run (no admin user in the store) it asks to create one instead:
 * name, password twice. Password checks (bcrypt) run in the background.
 */
public final class LoginViewModel {
    private final AdminUsers users;
    private final Executor executor;
    private final Consumer<String> onLoggedIn;
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper firstRun = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** @param onLoggedIn gets the admin's name, on the FX thread */
    public LoginViewModel(AdminUsers users, Executor executor, Consumer<String> onLoggedIn) {
        this.users = users;
        this.executor = executor;
        this.onLoggedIn = onLoggedIn;
    }

    /** Finds out whether an admin exists yet (first run). */
    public void load() {
        BackgroundTask.wrap(users::any)
                .onRunning(() -> busy.set(true))
                .onSuccess(any -> firstRun.set(!any))
                .onFailure(e -> error.set("Cannot read admin users: " + e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    public void submit() {
        String name = user.get() == null ? "" : user.get().strip();
        char[] pw = password.get() == null ? new char[0] : password.get().toCharArray();
        if (name.isEmpty()) {
            error.set("Enter your user name");
            return;
        }
        if (firstRun.get()) {
            if (pw.length < AdminUsers.MIN_PASSWORD) {
                error.set("The password needs at least " + AdminUsers.MIN_PASSWORD + " characters");
                return;
            }
            if (!password.get().equals(repeat.get())) {
                error.set("The two passwords differ");
                return;
            }
        }
        boolean create = firstRun.get();
        BackgroundTask.wrap(() -> {
                    try {
                        if (create) {
                            users.add(name, pw, name);
                            return users.verify(name, pw);
                        }
                        return users.verify(name, pw);
                    } finally {
                        Arrays.fill(pw, '\0');
                    }
                })
                .onRunning(() -> {
                    busy.set(true);
                    error.set("");
                })
                .onSuccess(ok -> {
                    password.set("");
                    repeat.set("");
                    if (ok) {
                        firstRun.set(false);
                        onLoggedIn.accept(name);
                    } else {
                        error.set("Wrong user name or password");
                    }
                })
                .onFailure(e -> error.set(e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyBooleanProperty firstRunProperty() {
        return firstRun.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
