package io.facecheck.ui;

import io.facecheck.store.Employee;
import io.facecheck.ui.admin.EmployeeItem;
import io.facecheck.ui.admin.EmployeesViewModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's employee edit saves the greeting name and the reading with the name and department, in one
 * transaction: a greeting name that is refused leaves the name unchanged as well (on a real H2 file).
 */
@ExtendWith(ApplicationExtension.class)
class EmployeeGreetingNameEditTest {
    @TempDir
    Path tmp;
    private AppServices services;

    @org.junit.jupiter.api.BeforeAll
    static void inEnglish() {
        // these tests read the screens' English words
        io.facecheck.config.Messages.setLocale(java.util.Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        // the toolkit runs: the view model reports on the FX thread
    }

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theGreetingNameIsSavedWithTheRestOrNothingIs() throws Exception {
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.ADMIN, null, false, "k",
                "jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        services = AppServices.open(tmp.resolve("user.properties"), opts);
        Employee yamada = Repos.employees(services).create("JP01", "山田太郎", "営業部");
        EmployeesViewModel vm = new EmployeesViewModel(services, "hr", Runnable::run);
        EmployeeItem item = new EmployeeItem(yamada, 0);

        WaitForAsyncUtils.asyncFx(() -> vm.update(item, "山田 太郎", "営業部", true, "\u3000山田", "やまだ たろう"))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "山田".equals(Repos.employees(services).require("JP01").greetingName()));
        Employee saved = Repos.employees(services).require("JP01");
        assertThat(saved.name()).isEqualTo("山田 太郎");
        assertThat(saved.greetingName()).isEqualTo("山田");
        assertThat(saved.reading()).isEqualTo("やまだ たろう");

        EmployeeItem now = new EmployeeItem(saved, 0);
        WaitForAsyncUtils.asyncFx(() -> vm.update(now, "Taro Yamada", "営業部", true, "山\n田", null))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Cannot save"));
        assertThat(vm.statusProperty().get()).contains("greeting name contains a control character");
        assertThat(Repos.employees(services).require("JP01").name()).as("rolled back with the greeting name")
                .isEqualTo("山田 太郎");
        // the edit that only renames keeps the greeting name
        WaitForAsyncUtils.asyncFx(() -> vm.update(now, "山田太郎", "営業部", true)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Repos.employees(services).require("JP01").name().equals("山田太郎"));
        assertThat(Repos.employees(services).require("JP01").greetingName()).isEqualTo("山田");
    }
}
