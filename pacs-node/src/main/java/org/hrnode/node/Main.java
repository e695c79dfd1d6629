package org.hrnode.node;

import java.io.Console;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.hrnode.node.cli.AeCommand;
import org.hrnode.node.cli.AuditCommand;
import org.hrnode.node.cli.BackupCommand;
import org.hrnode.node.cli.DeidentifyCommand;
import org.hrnode.node.cli.CatalogMatchCommand;
import org.hrnode.node.cli.DumpCommand;
import org.hrnode.node.cli.HelpCommand;
import org.hrnode.node.cli.ImportCommand;
import org.hrnode.node.cli.QualityCommand;
import org.hrnode.node.cli.RecognitionCommand;
import org.hrnode.node.cli.RunCommand;
import org.hrnode.node.cli.TrainQcCommand;
import org.hrnode.node.cli.UserCommand;

/** Command-line entry point behind {@code ./hrnode}: dispatches to one command per verb. */
public final class Main {

    /** Exit status for wrong usage or configuration, as sysexits' EX_USAGE. */
    public static final int EXIT_USAGE = 64;
    private static final String LOG_LEVEL = "HRNODE_LOG_LEVEL";

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String verb = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        int status = switch (verb) {
            case "run" -> new RunCommand(System.getenv(), out, err).run(rest);
            case "dump" -> new DumpCommand(out, err).run(rest);
            case "ae" -> new AeCommand(System.getenv(), out, err).run(rest);
            case "user" -> new UserCommand(System.getenv(), out, err, UserCommand.lines(new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)))).run(rest);
            case "backup", "restore" -> {
                logOnlyWarningsUnlessAsked();
                yield new BackupCommand(System.getenv(), out, err).run(verb, rest);
            }
            case "deidentify" -> {
                logOnlyWarningsUnlessAsked();
                yield new DeidentifyCommand(System.getenv(), out, err).run(rest);
            }
            case "audit" -> {
                logOnlyWarningsUnlessAsked();
                yield new AuditCommand(System.getenv(), out, err).run(rest);
            }
            case "import" -> {
                logOnlyWarningsUnlessAsked();
                yield new ImportCommand(System.getenv(), out, err, stderrIsTerminal()).run(rest);
            }
            case "catalog-match" -> {
                logOnlyWarningsUnlessAsked();
                yield new CatalogMatchCommand(System.getenv(), out, err).run(rest);
            }
            case "train-qc" -> {
                logOnlyWarningsUnlessAsked();
                yield new TrainQcCommand(out, err).run(rest);
            }
            case "quality" -> new QualityCommand(System.getenv(), out, err, Clock.systemUTC()).run(rest);
            case "recognition" -> new RecognitionCommand(System.getenv(), out, err, Clock.systemUTC()).run(rest);
            case "help", "--help", "-h" -> new HelpCommand(out).run();
            default -> {
                err.println("hrnode: unknown command '" + verb + "'");
                new HelpCommand(err).run();
                yield EXIT_USAGE;
            }
        };
        if (status != 0 || !"run".equals(verb)) {
            System.exit(status);
        }
    }

    /**
     * A per-file INFO line would tear the progress bar apart: commands that report for themselves log warnings only,
     * unless {@code HRNODE_LOG_LEVEL} asks for more (logback reads the property at its first use, which is later).
     */
    private static void logOnlyWarningsUnlessAsked() {
        if (System.getenv(LOG_LEVEL) == null && System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "WARN");
        }
    }

    /**
     * {@link java.io.Console#isTerminal()}: since JDK 22 {@code System.console()} exists even when redirected. It
     * looks at stdin and stdout; stderr is redirected with them in practice ({@code 2>&1}, service managers).
     */
    private static boolean stderrIsTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }
}
