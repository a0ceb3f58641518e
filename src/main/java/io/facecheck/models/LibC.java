package io.facecheck.models;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Two things of the process's C library that Java has no API for, reached through JavaCPP (already loaded for
 * TensorFlow): the C environment, which native libraries read with {@code getenv} ({@link System#getenv} is a copy
 * taken at start-up), and C's {@code stderr} stream, which they log to (Java's {@link System#err} writes to file
 * descriptor 2 itself and is not affected). Linux with glibc or musl only; elsewhere each call does nothing and
 * says so.
 * <p>
 * JavaCPP can call a native function only through classes generated for it at build time, save one: the
 * deallocator it calls with a raw address, {@code void f(void*)}. {@code putenv(char*)} has that shape.
 */
final class LibC {
    private static final Logger LOG = LoggerFactory.getLogger(LibC.class);
    /** putenv keeps the string itself: it must live as long as the process. */
    private static final List<BytePointer> ENVIRONMENT = new ArrayList<>();

    private LibC() {
    }

    /** Sets {@code name=value} in the C environment; false if it could not. */
    static synchronized boolean putenv(String name, String value) {
        if (!isLinux()) {
            return false;
        }
        try {
            Pointer putenv = Loader.addressof("putenv");
            if (putenv == null) {
                return false;
            }
            BytePointer entry = new BytePointer(name + "=" + value);
            callVoidPointer(putenv, entry.address());
            ENVIRONMENT.add(entry);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("cannot set {} for the native libraries", name, e);
            return false;
        }
    }

    /**
     * Silences C's {@code stderr} stream until closed, by pointing it at {@code stdin}'s stream, which refuses
     * writes. Every thread's native logging is lost meanwhile, so keep it short.
     */
    static synchronized AutoCloseable muteStderr() {
        if (!isLinux()) {
            return () -> { };
        }
        try {
            Pointer err = Loader.addressof("stderr");
            Pointer in = Loader.addressof("stdin");
            if (err == null || in == null) {
                return () -> { };
            }
            PointerPointer<?> stderr = new PointerPointer<>(err);
            Pointer stdinStream = new PointerPointer<>(in).get(0);
            Pointer saved = stderr.get(0);
            if (stdinStream == null || stdinStream.isNull() || saved == null || saved.isNull()) {
                return () -> { };
            }
            stderr.put(0, stdinStream);
            return () -> {
                synchronized (LibC.class) {
                    stderr.put(0, saved);
                }
            };
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("cannot silence the native libraries' stderr", e);
            return () -> { };
        }
    }

    private static void callVoidPointer(Pointer function, long argument) throws ReflectiveOperationException {
        Class<?> deallocator = Class.forName("org.bytedeco.javacpp.Pointer$NativeDeallocator");
        Constructor<?> make = deallocator.getDeclaredConstructor(Pointer.class, long.class, long.class);
        make.setAccessible(true);
        Object call = make.newInstance(new Pointer(), argument, function.address());
        Method run = deallocator.getMethod("deallocate");
        run.setAccessible(true);
        run.invoke(call);
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").startsWith("Linux");
    }
}
