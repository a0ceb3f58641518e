package io.facecheck.ui;

import io.facecheck.ui.admin.EmployeesView;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.InputMethodEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's edit form takes a name as an input method commits it and as it is pasted, full-width characters
 * included, and stores it trimmed: U+3000, the ideographic (full-width) space an IME types, counts as whitespace
 * at the ends and is kept inside; a name of full-width spaces only is blank and cannot be saved. Real H2 file,
 * real dialog.
 */
@ExtendWith(ApplicationExtension.class)
class EmployeeNameInputTest {
    @TempDir
    static Path tmp;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.ADMIN, "dir:" + tmp, false, "test",
                "jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> {
            AppServices s = AppServices.open(tmp.resolve("user.properties"), opts);
            s.admins().add("clerk", "payroll-2026".toCharArray(), "setup");
            Repos.employees(s).create("E7", "Wang", "R&D");
            return s;
        });
        AdminLoginTest.show(stage, window);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void imeCommittedAndPastedCjkIsKeptAndTrimmedOfFullWidthSpaces(FxRobot robot) throws Exception {
        AdminLoginTest.login(robot, "clerk", "payroll-2026");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AdminLoginTest.visible(robot, "#employees"));
        EmployeesView employees = robot.lookup("#employees").queryAs(EmployeesView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> employees.table().getItems().size() == 1);
        robot.interact(() -> employees.table().getSelectionModel().select(0));
        Button edit = robot.lookup("#employee-edit").queryAs(Button.class);
        Platform.runLater(edit::fire); // the dialog waits for its answer in a nested event loop
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> AdminLoginTest.visible(robot, "#edit-name"));
        TextField name = robot.lookup("#edit-name").queryAs(TextField.class);
        TextField dept = robot.lookup("#edit-department").queryAs(TextField.class);
        Button save = saveButton(robot);

        // only full-width spaces: blank, like an empty field
        robot.interact(() -> name.setText("\u3000\u3000"));
        assertThat(save.isDisabled()).as("Save with a name of full-width spaces only").isTrue();

        robot.interact(() -> {
            name.clear();
            name.requestFocus();
            // what an input method sends when the person accepts its conversion: committed text, no composition
            name.fireEvent(new InputMethodEvent(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED, List.of(),
                    "\u3000王芳", 0));
            name.end();
            ClipboardContent pasted = new ClipboardContent();
            pasted.putString("\u3000（ＡＢＣ１２３）\u3000");
            Clipboard.getSystemClipboard().setContent(pasted);
            name.paste();
            dept.setText("\u3000研发部\u3000");
        });
        assertThat(name.getText()).isEqualTo("\u3000王芳\u3000（ＡＢＣ１２３）\u3000");
        assertThat(save.isDisabled()).isFalse();
        robot.interact(save::fire);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> Repos.employees(window.services()).require("E7").name().startsWith("王芳"));
        assertThat(Repos.employees(window.services()).require("E7").name()).isEqualTo("王芳\u3000（ＡＢＣ１２３）");
        assertThat(Repos.employees(window.services()).require("E7").department()).isEqualTo("研发部");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !employees.table().getItems().isEmpty()
                && employees.table().getItems().get(0).name().equals("王芳\u3000（ＡＢＣ１２３）"));
    }

    private static Button saveButton(FxRobot robot) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        return pane.getButtonTypes().stream()
                .filter(t -> t.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(t -> (Button) pane.lookupButton(t))
                .findFirst().orElseThrow();
    }
}
