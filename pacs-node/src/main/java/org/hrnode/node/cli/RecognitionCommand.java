package org.hrnode.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrnode.node.Main;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.http.RecognitionResource;
import org.hrnode.storage.index.IndexException;
import org.hrnode.storage.qc.InstitutionRecognitions;
import org.hrnode.storage.qc.RecognitionEntry;

/**
 * {@code ./hrnode recognition set|list|remove}: the registry of which catalogue items each institution is recognised
 * for (an HR eligibility condition); the same registry as {@code /api/qc/recognition}. Works with the node stopped or
 * running, as {@code ./hrnode ae} does.
 */
public final class RecognitionCommand {

    static final String USAGE = """
            usage: ./hrnode recognition set INSTITUTION_CODE ITEM_NO... [--from YYYY-MM-DD] [--until YYYY-MM-DD] \
            [config options]
                     (replaces the institution's items; --from defaults to today, --until to open-ended)
                   ./hrnode recognition list [INSTITUTION_CODE] [config options]
                   ./hrnode recognition remove INSTITUTION_CODE [config options]""";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public RecognitionCommand(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public int run(List<String> args) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return Main.EXIT_USAGE;
        }
        String verb = args.get(0);
        List<String> positional = new ArrayList<>();
        List<String> configArgs = new ArrayList<>();
        String from = null;
        String until = null;
        try {
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--from" -> from = valueAt(args, ++i, a);
                    case "--until" -> until = valueAt(args, ++i, a);
                    default -> {
                        if (a.startsWith("--")) {
                            configArgs.add(a);
                            if (!a.contains("=") && i + 1 < args.size()) {
                                configArgs.add(args.get(++i));
                            }
                        } else {
                            positional.add(a);
                        }
                    }
                }
            }
            NodeConfig config = new ConfigLoader(env).load(configArgs);
            LocalDate fromDay = from == null ? LocalDate.now(clock.withZone(config.timeZone())) : date(from, "--from");
            LocalDate untilDay = until == null ? null : date(until, "--until");
            return withRegistry(config, registry -> switch (verb) {
                case "set" -> set(registry, positional, fromDay, untilDay);
                case "list" -> list(registry, positional);
                case "remove" -> remove(registry, positional);
                default -> {
                    err.println("hrnode recognition: unknown action '" + verb + "'\n" + USAGE);
                    yield Main.EXIT_USAGE;
                }
            });
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("hrnode recognition: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException | IndexException e) {
            err.println("hrnode recognition: " + e.getMessage());
            return 1;
        }
    }

    private static String valueAt(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(i);
    }

    private static LocalDate date(String text, String flag) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    @FunctionalInterface
    private interface RegistryAction {
        int apply(InstitutionRecognitions registry);
    }

    private static int withRegistry(NodeConfig config, RegistryAction action) throws IOException {
        try (CommandStorage opened = CommandStorage.open(config)) {
            NodeStorage storage = opened.storage();
            return action.apply(storage.recognitions());
        }
    }

    private int set(InstitutionRecognitions registry, List<String> positional, LocalDate from, LocalDate until) {
        if (positional.size() < 2) {
            err.println("hrnode recognition set: expected INSTITUTION_CODE and at least one ITEM_NO\n" + USAGE);
            return Main.EXIT_USAGE;
        }
        List<RecognitionEntry> entries = new ArrayList<>();
        for (String item : positional.subList(1, positional.size())) {
            int no;
            try {
                no = Integer.parseInt(item);
            } catch (NumberFormatException e) {
                no = 0;
            }
            if (no < 1 || no > RecognitionResource.CATALOGUE_ITEMS) {
                err.println("hrnode recognition set: '" + item + "' is not a catalogue item number 1-"
                        + RecognitionResource.CATALOGUE_ITEMS);
                return Main.EXIT_USAGE;
            }
            entries.add(new RecognitionEntry(no, from, until));
        }
        registry.replace(positional.getFirst(), entries);
        out.println(positional.getFirst() + ": recognised for " + entries.size()
                + (entries.size() == 1 ? " item" : " items") + " from " + from
                + (until == null ? "" : " until " + until));
        return 0;
    }

    private int list(InstitutionRecognitions registry, List<String> positional) {
        List<String> institutions = positional.isEmpty() ? registry.institutions() : positional;
        out.printf("%-16s %5s  %-10s  %s%n", "INSTITUTION", "ITEM", "FROM", "UNTIL");
        int rows = 0;
        for (String institution : institutions) {
            for (RecognitionEntry e : registry.of(institution)) {
                out.printf("%-16s %5d  %-10s  %s%n", institution, e.itemNo(), e.from(),
                        e.until() == null ? "-" : e.until());
                rows++;
            }
        }
        out.println(rows + (rows == 1 ? " entry" : " entries"));
        return 0;
    }

    private int remove(InstitutionRecognitions registry, List<String> positional) {
        if (positional.size() != 1) {
            err.println("hrnode recognition remove: expected INSTITUTION_CODE\n" + USAGE);
            return Main.EXIT_USAGE;
        }
        if (!registry.remove(positional.getFirst())) {
            err.println("hrnode recognition remove: institution '" + positional.getFirst()
                    + "' is recognised for no item");
            return 1;
        }
        out.println("removed the recognitions of " + positional.getFirst());
        return 0;
    }
}
