package io.facecheck.ui.kiosk;

import io.facecheck.app.PinService;
import io.facecheck.store.CheckInEvent;
import io.facecheck.ui.BackgroundTask;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ObjectProperty;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The kiosk's PIN keypad, for when the face fails: employee code, then the PIN; after a one-time PIN, the new PIN
 * twice. The checks (bcrypt, the lockout, the check-in) run in the background; everything here changes on the FX
 * thread. Digits typed are kept in char arrays and wiped once used.
 */
public final class PinPadViewModel {
    /** What the pad asks for. */
    public enum Step {
        CODE("pin.prompt.code"), PIN("pin.prompt.pin"), NEW_PIN("pin.prompt.new"), REPEAT_PIN("pin.prompt.repeat");

        final String key;

        Step(String key) {
            this.key = key;
        }
    }

    /** What the pad calls: the kiosk's {@link PinService} on its current check-in station. */
    public interface Backend {
        PinService.Result checkIn(String code, char[] pin);

        PinService.Attempt change(String code, char[] oldPin, char[] newPin);
    }

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private final Backend backend;
    private final Executor executor;
    private final ZoneId zone;
    private final Consumer<CheckInEvent> onLogged;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CODE);
    private final ReadOnlyStringWrapper display = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Text> messageText = new SimpleObjectProperty<>(Text.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final StringBuilder typed = new StringBuilder();
    private String code;
    private char[] pin;
    private char[] newPin;

    /**
     * @param zone     the kiosk's zone, for the time a lock ends
     * @param onLogged gets a check-in the PIN logged, on the FX thread (the kiosk greets the person)
     */
    public PinPadViewModel(Backend backend, Executor executor, ZoneId zone, Consumer<CheckInEvent> onLogged) {
        this.backend = Objects.requireNonNull(backend);
        this.executor = Objects.requireNonNull(executor);
        this.zone = zone;
        this.onLogged = onLogged;
        message.bind(I18n.text(messageText));
        prompt.bind(I18n.format(() -> Text.of(step.get().key).get(), step));
    }

    /** Opens the pad at the code. */
    public void open() {
        reset();
        messageText.set(Text.NONE);
        open.set(true);
    }

    /** Closes the pad, forgetting what was typed. */
    public void cancel() {
        reset();
        messageText.set(Text.NONE);
        open.set(false);
    }

    public void digit(int d) {
        if (busy.get() || d < 0 || d > 9 || typed.length() >= maxLength()) {
            return;
        }
        typed.append((char) ('0' + d));
        showTyped();
    }

    /** Characters from a keyboard: letters and digits in the code, digits only in a PIN. */
    public void type(String chars) {
        for (char ch : chars.toCharArray()) {
            if (ch >= '0' && ch <= '9') {
                digit(ch - '0');
            } else if (step.get() == Step.CODE && !busy.get() && Character.isLetterOrDigit(ch)
                    && typed.length() < maxLength()) {
                typed.append(ch);
                showTyped();
            }
        }
    }

    public void backspace() {
        if (!busy.get() && typed.length() > 0) {
            typed.setLength(typed.length() - 1);
            showTyped();
        }
    }

    /** Confirms what was typed for the current step. */
    public void ok() {
        if (busy.get() || typed.length() == 0) {
            return;
        }
        switch (step.get()) {
            case CODE -> {
                code = typed.toString();
                next(Step.PIN);
            }
            case PIN -> {
                if (!pinLength()) {
                    return;
                }
                pin = take();
                submit();
            }
            case NEW_PIN -> {
                if (!pinLength()) {
                    return;
                }
                newPin = take();
                next(Step.REPEAT_PIN);
            }
            case REPEAT_PIN -> {
                char[] again = take();
                boolean same = Arrays.equals(again, newPin);
                Arrays.fill(again, '\0');
                if (!same) {
                    wipe(newPin);
                    newPin = null;
                    messageText.set(Text.of("pin.message.differ"));
                    next(Step.NEW_PIN);
                    return;
                }
                change();
            }
        }
    }

    private boolean pinLength() {
        if (typed.length() < PinService.MIN_DIGITS) {
            messageText.set(Text.of("pin.error.format", PinService.MIN_DIGITS, PinService.MAX_DIGITS));
            return false;
        }
        return true;
    }

    private void submit() {
        String c = code;
        char[] p = pin;
        BackgroundTask.wrap(() -> backend.checkIn(c, p))
                .onRunning(() -> busy.set(true))
                .onSuccess(this::checkedIn)
                .onFailure(e -> failed(e))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    private void checkedIn(PinService.Result r) {
        PinService.Attempt a = r.attempt();
        switch (a.verdict()) {
            case ACCEPTED -> {
                var done = r.checkIn().orElseThrow();
                if (done.logged().isPresent()) {
                    cancel();
                    if (onLogged != null) {
                        onLogged.accept(done.logged().get());
                    }
                } else {
                    cancel();
                    open.set(true);
                    messageText.set(Text.of("pin.message.debounced"));
                }
            }
            case CHANGE_REQUIRED -> {
                messageText.set(Text.of("pin.message.change"));
                next(Step.NEW_PIN);
            }
            case WRONG -> {
                wipePin();
                messageText.set(Text.of("pin.message.wrong", a.remaining()));
                next(Step.PIN);
            }
            case LOCKED -> {
                String until = a.lockedUntil() == null ? "" : HHMM.format(a.lockedUntil().atZone(zone));
                String c = code;
                reset();
                messageText.set(Text.of("pin.message.locked", c, until));
            }
            case OFF -> {
                reset();
                messageText.set(Text.of("pin.message.off"));
            }
        }
    }

    private void change() {
        String c = code;
        char[] oldPin = pin;
        char[] chosen = newPin;
        BackgroundTask.wrap(() -> {
                    PinService.Attempt a = backend.change(c, oldPin, chosen);
                    if (a.verdict() != PinService.Verdict.ACCEPTED) {
                        return new PinService.Result(a, java.util.Optional.empty());
                    }
                    return backend.checkIn(c, chosen);
                })
                .onRunning(() -> busy.set(true))
                .onSuccess(this::checkedIn)
                .onFailure(e -> failed(e))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    private void failed(Exception e) {
        wipePin();
        messageText.set(Text.of("pin.message.failed", e.getLocalizedMessage()));
        next(Step.PIN);
    }

    private void next(Step s) {
        typed.setLength(0);
        step.set(s);
        showTyped();
    }

    private char[] take() {
        char[] c = new char[typed.length()];
        typed.getChars(0, c.length, c, 0);
        for (int i = 0; i < typed.length(); i++) {
            typed.setCharAt(i, '\0');
        }
        typed.setLength(0);
        showTyped();
        return c;
    }

    private int maxLength() {
        return step.get() == Step.CODE ? 64 : PinService.MAX_DIGITS;
    }

    private void showTyped() {
        display.set(step.get() == Step.CODE ? typed.toString() : "\u25CF".repeat(typed.length()));
    }

    private void wipePin() {
        wipe(pin);
        pin = null;
    }

    private static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }

    private void reset() {
        wipePin();
        wipe(newPin);
        newPin = null;
        code = null;
        next(Step.CODE);
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The code as typed, or a dot per PIN digit. */
    public ReadOnlyStringProperty displayProperty() {
        return display.getReadOnlyProperty();
    }

    /** What the step asks for ("Your employee code", "Your PIN"). */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** The outcome of the last try ("Wrong code or PIN — 4 tries left"), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
