package org.hrnode.node.cli;

import java.io.IOException;
import java.time.Instant;
import org.hrnode.storage.audit.AuditAction;
import org.hrnode.storage.audit.AuditEvent;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrnode.node.Main;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.storage.ae.AeRegistry;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.ae.UncompressedImages;
import org.hrnode.storage.index.IndexException;

/**
 * {@code ./hrnode ae add|list|remove}: the registry of DICOM peers the node accepts and sends to. Works with the
 * node stopped (it opens the data directory itself) or running (it uses the database the node published).
 */
public final class AeCommand {

    static final String USAGE = """
            usage: ./hrnode ae add AE_TITLE HOST PORT --institution-code CODE --institution-name NAME \
            [--level LEVEL] [--not-recognised] [--uncompressed compress|accept|reject] [config options]
                   ./hrnode ae list [config options]
                   ./hrnode ae remove AE_TITLE [config options]""";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public AeCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** What {@code ae add} was given besides the configuration. */
    private record AddOptions(String code, String name, String level, boolean recognised,
                              UncompressedImages uncompressed) {
    }

    public int run(List<String> args) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return Main.EXIT_USAGE;
        }
        String verb = args.get(0);
        List<String> positional = new ArrayList<>();
        List<String> configArgs = new ArrayList<>();
        String code = null;
        String name = null;
        String level = null;
        boolean recognised = true;
        String uncompressed = UncompressedImages.COMPRESS.configValue();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--institution-code" -> code = valueAt(args, ++i, a);
                case "--institution-name" -> name = valueAt(args, ++i, a);
                case "--level" -> level = valueAt(args, ++i, a);
                case "--not-recognised" -> recognised = false;
                // the AE's own setting; the node-wide key of that name is for callers not in the registry
                case "--uncompressed" -> uncompressed = valueAt(args, ++i, a);
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
        if (code == null && "add".equals(verb) || name == null && "add".equals(verb)) {
            err.println("hrnode ae add: --institution-code and --institution-name are required\n" + USAGE);
            return Main.EXIT_USAGE;
        }
        if (UncompressedImages.ofConfigValue(uncompressed) == null) {
            err.println("hrnode ae add: --uncompressed must be compress, accept or reject, got '" + uncompressed
                    + "'\n" + USAGE);
            return Main.EXIT_USAGE;
        }
        AddOptions addOptions = new AddOptions(code, name, level, recognised,
                UncompressedImages.ofConfigValue(uncompressed));
        try {
            NodeConfig config = new ConfigLoader(env).load(configArgs);
            return withRegistry(config, verb, positional, registry -> switch (verb) {
                case "add" -> add(registry, positional, addOptions);
                case "list" -> list(registry);
                case "remove" -> remove(registry, positional);
                default -> {
                    err.println("hrnode ae: unknown action '" + verb + "'\n" + USAGE);
                    yield Main.EXIT_USAGE;
                }
            });
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("hrnode ae: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException | IndexException e) {
            err.println("hrnode ae: " + e.getMessage());
            return 1;
        }
    }

    private static String valueAt(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(i);
    }

    @FunctionalInterface
    private interface RegistryAction {
        int apply(AeRegistry registry) throws IOException;
    }

    /** Runs {@code action}; a successful change of the registry is audited (written before the command ends). */
    private static int withRegistry(NodeConfig config, String verb, List<String> positional, RegistryAction action)
            throws IOException {
        try (CommandStorage opened = CommandStorage.open(config)) {
            NodeStorage storage = opened.storage();
            int status = action.apply(storage.aeRegistry());
            if (status == 0 && (verb.equals("add") || verb.equals("remove"))) {
                storage.auditLog().append(List.of(new AuditEvent(Instant.now(), "os:" + System.getProperty(
                        "user.name"), "admin", "", "cli:ae", AuditAction.CONFIG_CHANGE.code(), "ok", "",
                        "ae " + verb + " " + positional.get(0))));
            }
            return status;
        }
    }

    private int add(AeRegistry registry, List<String> positional, AddOptions o) {
        if (positional.size() != 3) {
            err.println("hrnode ae add: expected AE_TITLE HOST PORT\n" + USAGE);
            return Main.EXIT_USAGE;
        }
        int port;
        try {
            port = Integer.parseInt(positional.get(2));
        } catch (NumberFormatException e) {
            err.println("hrnode ae add: port '" + positional.get(2) + "' is not a number");
            return Main.EXIT_USAGE;
        }
        ApplicationEntity ae = new ApplicationEntity(positional.get(0), positional.get(1), port, o.code(), o.name(),
                o.level(), o.recognised(), o.uncompressed());
        registry.put(ae);
        out.println("added " + ae.aeTitle() + " " + ae.host() + ":" + ae.port() + " (" + ae.institutionName()
                + "), uncompressed images: " + ae.uncompressed().configValue());
        return 0;
    }

    private int list(AeRegistry registry) {
        List<ApplicationEntity> all = registry.list();
        out.printf("%-16s %-24s %6s  %-12s %-10s %-12s %s%n", "AE TITLE", "HOST", "PORT", "INSTITUTION",
                "RECOGNISED", "UNCOMPRESSED", "NAME / LEVEL");
        for (ApplicationEntity ae : all) {
            out.printf("%-16s %-24s %6d  %-12s %-10s %-12s %s%s%n", ae.aeTitle(), ae.host(), ae.port(),
                    ae.institutionCode(), ae.recognised() ? "yes" : "no", ae.uncompressed().configValue(),
                    ae.institutionName(),
                    ae.hospitalLevel() == null ? "" : " / " + ae.hospitalLevel());
        }
        out.println(all.size() + (all.size() == 1 ? " AE" : " AEs"));
        return 0;
    }

    private int remove(AeRegistry registry, List<String> positional) {
        if (positional.size() != 1) {
            err.println("hrnode ae remove: expected AE_TITLE\n" + USAGE);
            return Main.EXIT_USAGE;
        }
        if (!registry.remove(positional.get(0))) {
            err.println("hrnode ae remove: no AE titled '" + positional.get(0) + "'");
            return 1;
        }
        out.println("removed " + positional.get(0));
        return 0;
    }
}
