package io.facecheck.ui.admin;

import io.facecheck.app.AdminAccountService;
import io.facecheck.app.AdminLoginService;
import io.facecheck.ui.BackgroundTask;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.binding.StringBinding;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
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
    private final AdminAccountService accounts;
    private final java.time.ZoneId zone;
    private final Executor executor;
    private final Consumer<String> onLoggedIn;
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper firstRun = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Text> error = new ReadOnlyObjectWrapper<>(Text.NONE);
    private final StringBinding errorText = I18n.text(error);
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /**
     * @param accounts   checks passwords under the lockout (5 wrong → 5 minutes)
     * @param zone       the zone a lock's end is shown in
     * @param onLoggedIn gets the admin's name, on the FX thread
     */
    public LoginViewModel(AdminAccountService accounts, java.time.ZoneId zone, Executor executor,
                          Consumer<String> onLoggedIn) {
        this.accounts = accounts;
        this.zone = zone;
        this.executor = executor;
        this.onLoggedIn = onLoggedIn;
    }

    /** Finds out whether an admin exists yet (first run). */
    public void load() {
        BackgroundTask.wrap(() -> !accounts.firstRun())
                .onRunning(() -> busy.set(true))
                .onSuccess(any -> firstRun.set(!any))
                .onFailure(e -> error.set(Text.of("admin.login.error.cannot-read", e.getMessage())))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    public void submit() {
        String name = user.get() == null ? "" : user.get().strip();
        char[] pw = password.get() == null ? new char[0] : password.get().toCharArray();
        if (name.isEmpty()) {
            error.set(Text.of("admin.login.error.no-user"));
            return;
        }
        if (firstRun.get()) {
            if (pw.length < AdminAccountService.MIN_PASSWORD) {
                error.set(Text.of("admin.login.error.short", AdminAccountService.MIN_PASSWORD));
                return;
            }
            if (!password.get().equals(repeat.get())) {
                error.set(Text.of("admin.login.error.differ"));
                return;
            }
        }
        boolean create = firstRun.get();
        BackgroundTask.wrap(() -> {
                    try {
                        return create ? accounts.createAndLogIn(name, pw) : accounts.logIn(name, pw);
                    } finally {
                        Arrays.fill(pw, '\0');
                    }
                })
                .onRunning(() -> {
                    busy.set(true);
                    error.set(Text.NONE);
                })
                .onSuccess(r -> {
                    password.set("");
                    repeat.set("");
                    switch (r.outcome()) {
                        case OK -> {
                            firstRun.set(false);
                            onLoggedIn.accept(name);
                        }
                        case WRONG -> error.set(Text.of("admin.login.error.wrong"));
                        case LOCKED -> error.set(lockedText(r, zone));
                    }
                })
                .onFailure(e -> error.set(Text.of("admin.login.error.failed", e.getMessage())))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    /** "Too many wrong passwords: try again after 10:35" (the end of the lock in {@code zone}). */
    public static Text lockedText(AdminLoginService.Result r, java.time.ZoneId zone) {
        return Text.of("pin.login.locked", java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(r.lockedUntil().atZone(zone)));
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

    /** The error shown under the form, in the current language (empty when none). */
    public StringBinding errorProperty() {
        return errorText;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
