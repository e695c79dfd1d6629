package org.hrnode.node;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.hrnode.node.cli.AeCommand;
import org.hrnode.node.cli.DumpCommand;
import org.hrnode.node.cli.HelpCommand;
import org.hrnode.node.cli.QualityCommand;
import org.hrnode.node.cli.RunCommand;

/** Command-line entry point behind {@code ./hrnode}: dispatches to one command per verb. */
public final class Main {

    /** Exit status for wrong usage or configuration, as sysexits' EX_USAGE. */
    public static final int EXIT_USAGE = 64;

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
            case "quality" -> new QualityCommand(System.getenv(), out, err, Clock.systemUTC()).run(rest);
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
}
