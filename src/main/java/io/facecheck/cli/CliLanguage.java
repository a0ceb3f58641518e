package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.config.SettingsLoader;
import picocli.CommandLine;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command line's language: {@code --lang} wins, then {@code ui.language} in the settings, then the system's
 * ({@link io.facecheck.config.SystemLocale}). It is chosen before picocli parses anything, so that a usage error
 * early on the line is already in that language; the {@code --lang} option itself then checks the tag.
 */
final class CliLanguage {
    /** Prefix of the translated one-line summaries, {@code cli.summary.<command>[.<sub-command>]}. */
    static final String SUMMARY = "cli.summary.";
    /** Prefix of picocli's own keys ({@code usage.synopsisHeading}, option names), {@code cli.help.<picocli key>}. */
    static final String HELP = "cli.help.";

    private CliLanguage() {
    }

    /** The language {@code args} and the settings ask for, else {@code system}'s. */
    static Locale choose(String[] args, Locale system) {
        String tag = langArgument(args);
        if (tag != null) {
            try {
                return Messages.parse(tag);
            } catch (IllegalArgumentException e) {
                // the option reports it (exit 64) once picocli reaches it, in the language chosen below
            }
        }
        try {
            var set = SettingsLoader.load(Map.of()).ui().languageIfSet();
            if (set.isPresent()) {
                return set.get();
            }
        } catch (RuntimeException e) {
            // a broken settings file: the command that reads the settings says what is wrong with it
        }
        return Messages.supportedOrEnglish(system);
    }

    private static String langArgument(String[] args) {
        String tag = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--lang") && i + 1 < args.length) {
                tag = args[++i];
            } else if (a.startsWith("--lang=")) {
                tag = a.substring("--lang=".length());
            }
        }
        return tag;
    }

    /** {@code --lang}'s converter: a tag FaceCheck speaks, or a usage error listing them. */
    static final class Converter implements CommandLine.ITypeConverter<Locale> {
        @Override
        public Locale convert(String value) {
            try {
                return Messages.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        Messages.get("cli.error.language", value, Messages.supportedTags()));
            }
        }
    }

    /**
     * picocli's view of the message bundle of {@code l}: the one-line summaries as each command's
     * {@code usage.header} (picocli lists a command by its header), and the {@code cli.help.*} keys under picocli's
     * own names. English has none: the annotations are the English text (a test keeps the bundle's English
     * summaries equal to them), and the detail of each description stays below the header.
     */
    static ResourceBundle helpBundle(Locale l) {
        ResourceBundle messages = Messages.bundle(l);
        Map<String, String> picocli = new java.util.HashMap<>();
        if (!l.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
            for (String key : Collections.list(messages.getKeys())) {
                // through MessageFormat as every text ('' is a quote), and picocli reads % as a format
                if (key.startsWith(SUMMARY)) {
                    picocli.put("facecheck." + key.substring(SUMMARY.length()) + ".usage.header",
                            Messages.format(l, key).replace("%", "%%"));
                } else if (key.startsWith(HELP)) {
                    picocli.put(key.substring(HELP.length()), Messages.format(l, key));
                }
            }
        }
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return picocli.get(key);
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(new TreeSet<>(picocli.keySet()));
            }

            @Override
            protected Set<String> handleKeySet() {
                return picocli.keySet();
            }
        };
    }

    /** The command names the summaries are keyed by: {@code identify}, {@code employees.add}. */
    static List<String> commandPaths(CommandLine root) {
        List<String> paths = new java.util.ArrayList<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(CommandLine cl, String prefix, List<String> out) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) {
                continue; // an alias
            }
            String path = prefix + e.getKey();
            out.add(path);
            collect(e.getValue(), path + ".", out);
        }
    }
}
