package io.facecheck.ui.admin;

import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;

/** The enrollment wizard page: 1 who, 2 samples (camera or files, checked one by one), 3 save. */
public final class EnrollmentView extends VBox {

    public EnrollmentView(EnrollmentViewModel vm, Runnable close) {
        super(12);
        getStyleClass().add("page");
        setId("enrollment");
        setPadding(new Insets(16));

        Label step1 = Localized.label("admin.enroll.step1");
        step1.getStyleClass().add("page-title");
        TextField code = new TextField();
        code.setId("enroll-code");
        code.promptTextProperty().bind(I18n.text("admin.enroll.code.prompt"));
        code.textProperty().bindBidirectional(vm.codeProperty());
        TextField name = new TextField();
        name.setId("enroll-name");
        name.promptTextProperty().bind(I18n.text("admin.enroll.name.prompt"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField dept = new TextField();
        dept.setId("enroll-department");
        dept.promptTextProperty().bind(I18n.text("admin.enroll.department.prompt"));
        dept.textProperty().bindBidirectional(vm.departmentProperty());
        GridPane who = new GridPane();
        who.setHgap(10);
        who.setVgap(8);
        who.addRow(0, Localized.label("admin.enroll.code"), code);
        who.addRow(1, Localized.label("admin.enroll.name"), name);
        who.addRow(2, Localized.label("admin.enroll.department"), dept);

        Label step2 = Localized.label("admin.enroll.step2", EnrollmentViewModel.TARGET_SAMPLES);
        step2.getStyleClass().add("page-title");
        Button capture = Localized.button("admin.enroll.capture");
        capture.setId("enroll-capture");
        capture.disableProperty().bind(vm.busyProperty());
        capture.setOnAction(e -> vm.capture());
        Button files = Localized.button("admin.enroll.files");
        files.setId("enroll-files");
        files.disableProperty().bind(vm.busyProperty());
        files.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("admin.enroll.files.title"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("admin.enroll.files.filter"), "*.jpg", "*.jpeg", "*.png", "*.bmp", "*.webp"));
            List<File> chosen = fc.showOpenMultipleDialog(getScene().getWindow());
            if (chosen != null) {
                vm.addFiles(chosen.stream().map(File::toPath).toList());
            }
        });
        ListView<EnrollmentViewModel.SampleItem> list = new ListView<>(vm.samples());
        list.setId("enroll-samples");
        list.setPrefHeight(200);
        list.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(EnrollmentViewModel.SampleItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("sample-ok-text", "sample-bad-text");
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(I18n.text(new javafx.beans.property.SimpleObjectProperty<>(item.verdict())));
                    getStyleClass().add(item.ok() ? "sample-ok-text" : "sample-bad-text");
                }
            }
        });
        Button remove = Localized.button("admin.enroll.remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeSample(list.getSelectionModel().getSelectedItem()));
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());

        Label duplicate = new Label();
        duplicate.setId("enroll-duplicate");
        duplicate.getStyleClass().add("error-text");
        duplicate.setWrapText(true);
        duplicate.textProperty().bind(vm.warningProperty());
        Button force = Localized.button("admin.enroll.force");
        force.setId("enroll-force");
        force.getStyleClass().add("danger");
        force.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        force.managedProperty().bind(force.visibleProperty());
        force.setOnAction(e -> vm.save(true));

        Button save = Localized.button("admin.enroll.save");
        save.setId("enroll-save");
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.canSave().not());
        save.setOnAction(e -> vm.save(false));
        Button cancel = Localized.button("admin.enroll.close");
        cancel.setId("enroll-close");
        cancel.setOnAction(e -> close.run());
        Label status = new Label();
        status.setId("enroll-status");
        status.getStyleClass().add("hint-text");
        status.textProperty().bind(vm.statusProperty());

        // live picture of the camera the samples are taken from
        io.facecheck.ui.kiosk.PreviewPane preview = new io.facecheck.ui.kiosk.PreviewPane(vm.cameraProperty(),
                new javafx.beans.property.SimpleObjectProperty<>());
        preview.setId("enroll-preview");
        preview.setPrefSize(240, 180);
        preview.setMinSize(240, 180);
        preview.setMaxSize(240, 180);
        preview.setStyle("-fx-background-color: black;");
        preview.visibleProperty().bind(vm.cameraProperty().isNotNull());
        preview.managedProperty().bind(preview.visibleProperty());
        capture.disableProperty().unbind();
        capture.disableProperty().bind(vm.busyProperty().or(vm.cameraProperty().isNull()));
        HBox sampleButtons = new HBox(8, capture, files, remove, progress);
        sampleButtons.setAlignment(Pos.CENTER_LEFT);
        HBox saveRow = new HBox(8, save, force, cancel, status);
        saveRow.setAlignment(Pos.CENTER_LEFT);
        HBox samplesRow = new HBox(12, list, preview);
        HBox.setHgrow(list, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(step1, who, step2, sampleButtons, samplesRow, duplicate, Localized.label("admin.enroll.step3"), saveRow);
    }
}
