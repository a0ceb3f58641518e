package io.facecheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code facecheck} command and its sub-commands. */
@Command(name = "facecheck", mixinStandardHelpOptions = true, version = "FaceCheck 0.1.0",
        description = "Face-recognition attendance: kiosk, enrollment, reports and tools.",
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
                TemplatesCommand.class,
                KiosksCommand.class,
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
                RestoreCommand.class
        })
public final class FaceCheckCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new FaceCheckCommand());
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl.execute(args);
    }
}
