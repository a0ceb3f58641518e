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
    /**
     * Prefix of the {@code --help} texts in the message bundles. {@code help.<command>.usage.description} is a
     * command's one-line summary (what {@code facecheck --help} lists), {@code …usage.description.0}, {@code .1} the
     * paragraphs below it; {@code help.<command>.<option>} is an option's or parameter's text, named by the
     * annotation's {@code descriptionKey}; {@code help.usage.*} and {@code help.mixinStandardHelpOptions.*} are
     * picocli's own headings and {@code --help}/{@code --version}. The command is its path below {@code facecheck}
     * ({@code employees.add}), or {@code facecheck} itself; options shared by mixins are under the mixin's name
     * ({@code help.store.db}).
     */
    static final String HELP = "help.";
    /** What {@code {0}} and {@code {1}} stand for in a help text: picocli fills them in when it prints the help. */
    private static final Object[] PICOCLI_VARIABLES = {"${DEFAULT-VALUE}", "${COMPLETION-CANDIDATES}"};

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
     * picocli's view of the message bundle of {@code l}: every {@code help.*} text under the key picocli looks up
     * ({@link #HELP}), through {@link java.text.MessageFormat} as every text ({@code ''} is a quote), with a lone
     * {@code %} doubled because picocli formats what it prints ({@code %n} is a line break there).
     */
    static ResourceBundle helpBundle(Locale l) {
        ResourceBundle messages = Messages.bundle(l);
        Map<String, String> picocli = new java.util.HashMap<>();
        for (String key : Collections.list(messages.getKeys())) {
            if (key.startsWith(HELP)) {
                picocli.put(picocliKey(key.substring(HELP.length())),
                        Messages.format(l, key, PICOCLI_VARIABLES).replaceAll("%(?!n)", "%%"));
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

    /**
     * {@code usage.…} and {@code mixinStandardHelpOptions.…} as they are (every command's); a command's
     * {@code <path>.usage.…} qualified as picocli qualifies it ({@code facecheck.employees.add.usage.description});
     * an option's key whole, as its annotation names it.
     */
    private static String picocliKey(String key) {
        if (key.startsWith("usage.") || key.startsWith("mixinStandardHelpOptions.")) {
            return key;
        }
        int usage = key.indexOf(".usage.");
        if (usage < 0) {
            return HELP + key;
        }
        String path = key.substring(0, usage);
        return (path.equals("facecheck") ? "" : "facecheck.") + key;
    }

    /** The command paths the help texts are keyed by: {@code identify}, {@code employees.add}. */
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
