package io.facecheck.cli;

import io.facecheck.config.AppVersion;
import io.facecheck.config.Messages;
import io.facecheck.config.SystemLocale;
import io.facecheck.models.TfLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;

/** The {@code facecheck} command and its sub-commands. */
@Command(name = "facecheck", mixinStandardHelpOptions = true, versionProvider = FaceCheckCommand.Version.class,
        subcommands = {
                KioskCommand.class,
                AdminCommand.class,
                EnrollCommand.class,
                EmployeesCommand.class,
                ShiftsCommand.class,
                ScheduleCommand.class,
                HolidaysCommand.class,
                LeaveCommand.class,
                EventsCommand.class,
                IdentifyCommand.class,
                CheckinCommand.class,
                SyncCommand.class,
                ReportCommand.class,
                TrainCommand.class,
                AdminUserCommand.class,
                PinCommand.class,
                TemplatesCommand.class,
                KiosksCommand.class,
                WebhooksCommand.class,
                ServeCommand.class,
                ApiTokensCommand.class,
                DetectCommand.class,
                VerifyCommand.class,
                EmbedCommand.class,
                EvaluateCommand.class,
                ClusterCommand.class,
                BenchCommand.class,
                LivenessCommand.class,
                ModelsCommand.class,
                KeysCommand.class,
                StatusCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
                SoakCommand.class
        })
public final class FaceCheckCommand {
    // neither Runnable nor Callable, like every command with sub-commands: picocli then answers a missing
    // sub-command with a usage error (exit 64, usage on stderr) instead of printing the usage with exit 0

    /** Before or after the sub-command's name: every command may load TensorFlow. */
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            descriptionKey = "help.facecheck.verbose")
    void verbose(boolean on) {
        if (on) {
            TfLogging.verbose();
        }
    }

    /** Before or after the sub-command's name, like {@code --verbose}; {@link CliLanguage} has already applied it. */
    @Option(names = "--lang", paramLabel = "TAG", scope = CommandLine.ScopeType.INHERIT,
            converter = CliLanguage.Converter.class,
            descriptionKey = "help.facecheck.lang")
    void language(Locale language) {
        Messages.setLocale(language);
    }

    /** {@code -V}: the version the kiosks report too ({@link AppVersion}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"FaceCheck " + AppVersion.current()};
        }
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int execute(String... args) {
        return execute(SystemLocale.current(), args);
    }

    /**
     * As {@link #execute(String...)}, with {@code system} as the operating system's language (the tests pin English
     * there, whatever the developer's {@code LANG}).
     */
    static int execute(Locale system, String... args) {
        // before anything is parsed or printed: every message, usage errors included, in the chosen language
        Messages.setLocale(CliLanguage.choose(args, system));
        CommandLine cl = new CommandLine(new FaceCheckCommand());
        cl.setResourceBundle(CliLanguage.helpBundle(Messages.locale()));
        // enum values as users type them: --headers localized
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CliErrors errors = new CliErrors();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        return cl.execute(args);
    }
}
