package io.facecheck;

import io.facecheck.cli.FaceCheckCommand;

/** Entry point: {@code java -jar facecheck.jar [command]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(FaceCheckCommand.execute(args));
    }
}
