package io.facecheck.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Folders and files only their owner can read (0700 / 0600 on POSIX; elsewhere the platform's defaults). */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /** Creates missing folders owner-only (0700 on POSIX); existing ones are left as they are. */
    public static void createDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        Path abs = dir.toAbsolutePath();
        createDirectories(abs.getParent());
        try {
            if (posix(abs)) {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(abs);
            }
        } catch (FileAlreadyExistsException e) {
            // created meanwhile
        }
    }

    /** Creates an empty owner-only file (0600 on POSIX), replacing one that exists. */
    public static Path createFile(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        Files.deleteIfExists(f);
        if (posix(dir)) {
            return Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(f);
    }

    /** Whether only the owner may read {@code file} (true where POSIX permissions do not exist). */
    public static boolean ownerOnly(Path file) throws IOException {
        if (!posix(file)) {
            return true;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        return p.stream().noneMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
    }

    /** Takes group and other permissions away from {@code file} (POSIX); returns whether it changed anything. */
    public static boolean restrict(Path file) throws IOException {
        if (!posix(file) || ownerOnly(file)) {
            return false;
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwx------" : "rw-------"));
        return true;
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
