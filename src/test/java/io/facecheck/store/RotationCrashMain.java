package io.facecheck.store;

import java.nio.file.Path;

/**
 * Rotates the face-data key of a database and kills this process (no shutdown hooks, no rollback) at the stage
 * named by the third argument: {@code record:N} after re-sealing the N-th record inside the transaction, or
 * {@code committed} after the commit but before the new key file replaces the old one.
 */
public final class RotationCrashMain {
    public static void main(String[] args) {
        String url = args[0];
        Path keyFile = Path.of(args[1]);
        String stopAt = args[2];
        try (Database db = Database.open(url, FaceKeys.file(keyFile))) {
            FaceKeyRotation.rotate(db, new FaceKeyRotation.Listener() {
                @Override
                public void record(int done, int total) {
                    if (stopAt.equals("record:" + done)) {
                        System.out.println("halting after record " + done + " of " + total);
                        System.out.flush();
                        Runtime.getRuntime().halt(77);
                    }
                }

                @Override
                public void committed() {
                    if (stopAt.equals("committed")) {
                        System.out.println("halting after the commit");
                        System.out.flush();
                        Runtime.getRuntime().halt(77);
                    }
                }
            });
        }
        System.out.println("rotation finished");
    }
}
