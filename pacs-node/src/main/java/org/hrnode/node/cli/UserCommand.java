package org.hrnode.node.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hrnode.node.Main;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.security.Account;
import org.hrnode.node.security.Accounts;
import org.hrnode.node.security.PasswordHasher;
import org.hrnode.node.security.Role;
import org.hrnode.node.security.Totp;
import org.hrnode.storage.index.IndexException;

/**
 * {@code ./hrnode user add|list|remove|passwd|totp}: the node's local accounts. Passwords are read from standard input
 * (one line), never from the command line, where {@code ps} and shell history would show them. Works with the node
 * stopped or running, as {@code ./hrnode ae} does.
 */
public final class UserCommand {

    static final String USAGE = """
            usage: ./hrnode user add NAME --roles uploader,viewer,reviewer,admin [--institution CODE] [config options]
                   ./hrnode user list [config options]
                   ./hrnode user remove NAME [config options]
                   ./hrnode user passwd NAME [config options]
                   ./hrnode user totp NAME [--off] [config options]
            add and passwd read the password (at least 12 characters) from standard input;
            totp enrols a new second factor and prints the otpauth:// URI to scan (--off removes it).""";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<String> passwordLine;

    /** @param passwordLine reads one line of standard input (the password), null at end of input */
    public UserCommand(Map<String, String> env, PrintStream out, PrintStream err, Supplier<String> passwordLine) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.passwordLine = passwordLine;
    }

    /** Reads passwords from {@code in}, one per line. */
    public static Supplier<String> lines(BufferedReader in) {
        return () -> {
            try {
                return in.readLine();
            } catch (IOException e) {
                return null;
            }
        };
    }

    public int run(List<String> args) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return Main.EXIT_USAGE;
        }
        String verb = args.get(0);
        List<String> positional = new ArrayList<>();
        List<String> configArgs = new ArrayList<>();
        String roles = null;
        String institution = null;
        boolean off = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--roles" -> roles = i + 1 < args.size() ? args.get(++i) : null;
                case "--institution" -> institution = i + 1 < args.size() ? args.get(++i) : null;
                case "--off" -> off = true;
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
        if (!"list".equals(verb) && positional.size() != 1) {
            err.println("hrnode user " + verb + ": expected one account NAME\n" + USAGE);
            return Main.EXIT_USAGE;
        }
        try {
            NodeConfig config = new ConfigLoader(env).load(configArgs);
            String name = positional.isEmpty() ? null : Accounts.validUsername(positional.get(0));
            String r = roles;
            String inst = institution;
            boolean disable = off;
            return withAccounts(config, accounts -> switch (verb) {
                case "add" -> add(accounts, name, r, inst);
                case "list" -> list(accounts);
                case "remove" -> remove(accounts, name);
                case "passwd" -> passwd(accounts, name);
                case "totp" -> totp(accounts, name, disable, config.aeTitle());
                default -> {
                    err.println("hrnode user: unknown action '" + verb + "'\n" + USAGE);
                    yield Main.EXIT_USAGE;
                }
            });
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("hrnode user: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException | IndexException e) {
            err.println("hrnode user: " + e.getMessage());
            return 1;
        }
    }

    @FunctionalInterface
    private interface AccountsAction {
        int apply(Accounts accounts) throws IOException;
    }

    private static int withAccounts(NodeConfig config, AccountsAction action) throws IOException {
        try (CommandStorage opened = CommandStorage.open(config)) {
            NodeStorage storage = opened.storage();
            return action.apply(storage.accounts());
        }
    }

    private int add(Accounts accounts, String name, String roleList, String institution) {
        if (roleList == null) {
            err.println("hrnode user add: --roles is required\n" + USAGE);
            return Main.EXIT_USAGE;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : roleList.split(",")) {
            Optional<Role> role = Role.ofClaim(r);
            if (role.isEmpty()) {
                err.println("hrnode user add: unknown role '" + r.strip() + "' (uploader, viewer, reviewer, admin)");
                return Main.EXIT_USAGE;
            }
            roles.add(role.get());
        }
        if (roles.contains(Role.UPLOADER) && institution == null) {
            err.println("hrnode user add: an uploader stores for one institution: give --institution CODE");
            return Main.EXIT_USAGE;
        }
        char[] password = readPassword("add");
        if (password == null) {
            return Main.EXIT_USAGE;
        }
        accounts.add(new Account(name, new PasswordHasher().hash(password), roles, Optional.ofNullable(institution),
                Optional.empty()));
        out.println("added " + name + " roles=" + roleList + (institution == null ? "" : " institution=" + institution));
        return 0;
    }

    private char[] readPassword(String verb) {
        String line = passwordLine.get();
        if (line == null || line.length() < PasswordHasher.MIN_PASSWORD_LENGTH) {
            err.println("hrnode user " + verb + ": give a password of at least " + PasswordHasher.MIN_PASSWORD_LENGTH
                    + " characters on standard input");
            return null;
        }
        return line.toCharArray();
    }

    private int list(Accounts accounts) {
        List<Account> all = accounts.list();
        out.printf("%-24s %-32s %-12s %s%n", "NAME", "ROLES", "INSTITUTION", "TOTP");
        for (Account a : all) {
            out.printf("%-24s %-32s %-12s %s%n", a.username(),
                    String.join(",", a.roles().stream().map(Role::claim).sorted().toList()),
                    a.institution().orElse("-"), a.totpSecret().isPresent() ? "enrolled" : "none");
        }
        out.println(all.size() + (all.size() == 1 ? " account" : " accounts"));
        return 0;
    }

    private int remove(Accounts accounts, String name) {
        if (!accounts.remove(name)) {
            err.println("hrnode user remove: no account '" + name + "'");
            return 1;
        }
        out.println("removed " + name);
        return 0;
    }

    private int passwd(Accounts accounts, String name) {
        if (accounts.find(name).isEmpty()) {
            err.println("hrnode user passwd: no account '" + name + "'");
            return 1;
        }
        char[] password = readPassword("passwd");
        if (password == null) {
            return Main.EXIT_USAGE;
        }
        accounts.setPasswordHash(name, new PasswordHasher().hash(password));
        out.println("password of " + name + " changed");
        return 0;
    }

    private int totp(Accounts accounts, String name, boolean off, String issuer) {
        byte[] secret = off ? null : Totp.newSecret();
        if (!accounts.setTotpSecret(name, secret)) {
            err.println("hrnode user totp: no account '" + name + "'");
            return 1;
        }
        if (off) {
            out.println("second factor of " + name + " removed");
        } else {
            out.println("second factor of " + name + " enrolled; scan this in an authenticator app (as a QR code):");
            out.println(Totp.otpauthUri("HR Node " + issuer, name, secret));
        }
        return 0;
    }
}
