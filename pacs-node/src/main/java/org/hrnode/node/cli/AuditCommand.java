package org.hrnode.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.node.Main;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.storage.audit.AuditRecord;
import org.hrnode.storage.audit.AuditVerifier;
import org.hrnode.storage.audit.PostgresAuditLog;

/**
 * {@code ./hrnode audit verify|export}: checks the SM3 hash chain of the audit trail, or writes the records of a
 * period as JSON lines (one object per record, with its hash, so an export can be verified apart from the node).
 * Works with the node stopped or running, like {@code ./hrnode ae}.
 */
public final class AuditCommand {

    static final String USAGE = """
            usage: ./hrnode audit verify [config options]
                   ./hrnode audit export --from DATE|INSTANT --to DATE|INSTANT [config options]
              DATE is 2026-05-01 (midnight in time-zone), INSTANT is 2026-05-01T08:00:00Z; --to is exclusive.
              verify exits 0 when the chain is intact, 2 when it is broken.""";

    /** Exit status of verify when tampering was found. */
    public static final int EXIT_TAMPERED = 2;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public AuditCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return Main.EXIT_USAGE;
        }
        String verb = args.get(0);
        String from = null;
        String to = null;
        List<String> configArgs = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--from") || a.equals("--to")) && i + 1 < args.size()) {
                if (a.equals("--from")) {
                    from = args.get(++i);
                } else {
                    to = args.get(++i);
                }
            } else {
                configArgs.add(a);
            }
        }
        try {
            NodeConfig config = new ConfigLoader(env).load(configArgs);
            return switch (verb) {
                case "verify" -> withLog(config, this::verify);
                case "export" -> {
                    if (from == null || to == null) {
                        err.println("hrnode audit export: --from and --to are required\n" + USAGE);
                        yield Main.EXIT_USAGE;
                    }
                    Instant start = instant(from, config.timeZone());
                    Instant end = instant(to, config.timeZone());
                    yield withLog(config, log -> export(log, start, end));
                }
                default -> {
                    err.println("hrnode audit: unknown action '" + verb + "'\n" + USAGE);
                    yield Main.EXIT_USAGE;
                }
            };
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("hrnode audit: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (Exception e) {
            err.println("hrnode audit: " + e.getMessage());
            return 1;
        }
    }

    static Instant instant(String text, ZoneId zone) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a date (2026-05-01) nor an instant"
                    + " (2026-05-01T08:00:00Z)", e);
        }
    }

    @FunctionalInterface
    private interface LogAction {
        int apply(PostgresAuditLog log) throws Exception;
    }

    private static int withLog(NodeConfig config, LogAction action) throws Exception {
        try (CommandStorage opened = CommandStorage.open(config)) {
            NodeStorage storage = opened.storage();
            return action.apply(storage.auditLog());
        }
    }

    private int verify(PostgresAuditLog log) throws Exception {
        AuditVerifier.Result result = new AuditVerifier(log).verify();
        if (result.intact()) {
            out.println("audit trail intact: " + result.rowsChecked() + " records verified; head seq "
                    + result.headSeq() + " SM3 " + result.headHash());
            out.println("(note the head: a later verify whose head is behind it means the newest records were removed)");
            return 0;
        }
        out.println("AUDIT TRAIL TAMPERED: " + result.problem().get() + " (" + result.rowsChecked()
                + " records verified before it)");
        return EXIT_TAMPERED;
    }

    private int export(PostgresAuditLog log, Instant from, Instant to) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long[] n = {0};
        log.forEachBetween(from, to, r -> {
            out.println(json.writeValueAsString(asJson(r)));
            n[0]++;
        });
        err.println(n[0] + " audit records exported");
        return 0;
    }

    static Map<String, Object> asJson(AuditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", r.seq());
        m.put("at", r.event().at().toString());
        m.put("actor", r.event().actor());
        m.put("role", r.event().role());
        m.put("institution", r.event().institution());
        m.put("source", r.event().source());
        m.put("action", r.event().action());
        m.put("outcome", r.event().outcome());
        m.put("studyUid", r.event().studyUid());
        m.put("detail", r.event().detail());
        m.put("sm3", HexFormat.of().formatHex(r.hash()));
        return m;
    }
}
