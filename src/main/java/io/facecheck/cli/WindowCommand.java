package io.facecheck.cli;

import io.facecheck.ui.LaunchOptions;

/** A command that opens the desktop app ({@code kiosk}, {@code admin}): its options, then the window on them. */
interface WindowCommand extends Runnable {

    /** How the window is to start, from the command's options; a bad option fails the command here. */
    LaunchOptions launchOptions();

    @Override
    default void run() {
        AppLaunch.open(launchOptions());
    }
}
