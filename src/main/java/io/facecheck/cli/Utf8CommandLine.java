package io.facecheck.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line in UTF-8 under the C locale. Java 17 decodes its arguments and encodes stdout and stderr with the
 * locale's character set; under {@code LANG=C} (what systemd services, cron and containers get) that is ASCII, so
 * {@code --name 张三} arrived as six replacement characters, was stored so, and printed as {@code ??????}.
 * <p>
 * Under an ASCII locale the arguments are decoded again as UTF-8 from the bytes the kernel kept
 * ({@code /proc/self/cmdline}), and stdout and stderr write UTF-8: such a locale cannot name any other character
 * set, the terminal behind it is a UTF-8 one in practice (an ssh session, a container's console), and a pipe, a file
 * or a journal should carry the name, not question marks. Any other locale is left alone: the JVM decodes its
 * arguments right, and its terminal expects its character set (GBK, EUC-JP, Latin-1 as much as UTF-8).
 * <p>
 * What this cannot mend: file names with non-ASCII characters, which the JVM refuses under an ASCII locale; the
 * installed {@code facecheck} command starts the JVM under a UTF-8 {@code LC_CTYPE} for that.
 */
public final class Utf8CommandLine {
    /** Logback's console encoder reads this ({@code logback.xml}): its bytes must match stderr's. */
    public static final String STDERR_CHARSET_PROPERTY = "facecheck.stderr.charset";

    private Utf8CommandLine() {
    }

    /**
     * Makes stdout and stderr UTF-8 where they would be ASCII. Call before anything is printed or logged.
     */
    public static void useUtf8Output() {
        Charset err = streamCharset("sun.stderr.encoding");
        // picocli wraps System.out and System.err in writers of these properties' character set (else the
        // default, ASCII here): they must name what the streams now encode, or its messages print as ???
        if (isAscii(streamCharset("sun.stdout.encoding"))) {
            System.setOut(utf8(FileDescriptor.out));
            System.setProperty("sun.stdout.encoding", StandardCharsets.UTF_8.name());
        }
        if (isAscii(err)) {
            System.setErr(utf8(FileDescriptor.err));
            System.setProperty("sun.stderr.encoding", StandardCharsets.UTF_8.name());
            err = StandardCharsets.UTF_8;
        }
        System.setProperty(STDERR_CHARSET_PROPERTY, err.name());
    }

    /**
     * {@code args} as the user typed them: under an ASCII locale, those the JVM could not decode are read again as
     * UTF-8 from {@code /proc/self/cmdline}; anywhere else, or when that file cannot be matched to {@code args},
     * {@code args} unchanged.
     */
    public static String[] arguments(String[] args) {
        if (!isAscii(charset(System.getProperty("sun.jnu.encoding")).orElse(StandardCharsets.UTF_8))) {
            return args;
        }
        try {
            return recover(args, split(Files.readAllBytes(Path.of("/proc/self/cmdline"))));
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: the arguments as the JVM decoded them
            return args;
        }
    }

    /**
     * The JVM's arguments decoded ASCII-wise, one byte one character, each byte above 127 made {@code ?} or
     * U+FFFD; {@code cmdline} the process's raw arguments, the JVM's own options and main class first. Returns
     * {@code args} with each argument whose raw bytes are valid UTF-8 decoded from them, provided the last
     * {@code args.length} raw arguments are exactly the ones the JVM decoded (else the JVM got its arguments
     * another way, e.g. from an {@code @argfile}, and they are returned unchanged).
     */
    static String[] recover(String[] args, List<byte[]> cmdline) {
        if (cmdline.size() < args.length) {
            return args;
        }
        List<byte[]> raw = cmdline.subList(cmdline.size() - args.length, cmdline.size());
        for (int i = 0; i < args.length; i++) {
            if (!decodedAsciiWise(raw.get(i), args[i])) {
                return args;
            }
        }
        String[] out = args.clone();
        for (int i = 0; i < args.length; i++) {
            Optional<String> decoded = utf8(raw.get(i));
            if (decoded.isPresent()) {
                out[i] = decoded.get();
            }
        }
        return out;
    }

    private static boolean decodedAsciiWise(byte[] raw, String arg) {
        if (raw.length != arg.length()) {
            return false;
        }
        for (int i = 0; i < raw.length; i++) {
            char c = arg.charAt(i);
            boolean same = raw[i] >= 0 ? c == raw[i] : c == '?' || c == '\uFFFD';
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> utf8(byte[] raw) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString());
        } catch (CharacterCodingException e) {
            // not UTF-8 either (Latin-1 bytes typed into an ASCII locale): as the JVM decoded it
            return Optional.empty();
        }
    }

    private static List<byte[]> split(byte[] cmdline) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                parts.add(Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    /** The character set Java 17 gave a standard stream: its own property where the launcher set one, else the default. */
    private static Charset streamCharset(String property) {
        return charset(System.getProperty(property)).orElse(Charset.defaultCharset());
    }

    private static Optional<Charset> charset(String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(Charset cs) {
        return cs.equals(StandardCharsets.US_ASCII);
    }

    private static PrintStream utf8(FileDescriptor fd) {
        // buffered and flushed at each line, as the JVM's own
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 8192), true, StandardCharsets.UTF_8);
    }
}
