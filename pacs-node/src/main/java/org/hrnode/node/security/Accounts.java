package org.hrnode.node.security;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hrnode.storage.db.Transactor;

/** The {@code accounts} table (migration V12). Thread-safe. */
public final class Accounts {

    /** Letters, digits and {@code . _ - @}: safe in logs, URLs and the DICOM user identity field. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final String COLUMNS = "username, password_hash, roles, institution_code, totp_secret";

    private final Transactor transactor;

    public Accounts(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    public static String validUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 1-64 of A-Z a-z 0-9 . _ - @");
        }
        return username;
    }

    /** Adds the account, or fails if the name is taken. */
    public void add(Account a) {
        validUsername(a.username());
        transactor.inTransaction("add account", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO accounts (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
                s.setString(1, a.username());
                s.setString(2, a.passwordHash());
                s.setArray(3, c.createArrayOf("text", a.roles().stream().map(Role::claim).sorted().toArray()));
                s.setString(4, a.institution().orElse(null));
                s.setBytes(5, a.totpSecret().orElse(null));
                if (s.executeUpdate() == 0) {
                    throw new IllegalArgumentException("account '" + a.username() + "' exists already");
                }
                return null;
            }
        });
    }

    public Optional<Account> find(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        return transactor.inTransaction("find account", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Account>empty();
                }
            }
        });
    }

    public List<Account> list() {
        return transactor.inTransaction("list accounts", c -> {
            List<Account> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts ORDER BY username");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    all.add(read(rs));
                }
            }
            return all;
        });
    }

    public boolean isEmpty() {
        return transactor.inTransaction("count accounts", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM accounts LIMIT 1");
                    ResultSet rs = s.executeQuery()) {
                return !rs.next();
            }
        });
    }

    public boolean remove(String username) {
        return update("remove account", "DELETE FROM accounts WHERE username = ?", username);
    }

    public boolean setPasswordHash(String username, String hash) {
        return update("change password",
                "UPDATE accounts SET password_hash = ?, updated_at = now() WHERE username = ?", hash, username);
    }

    /** Enrols (or, with {@code null}, removes) the account's TOTP second factor. */
    public boolean setTotpSecret(String username, byte[] secret) {
        return update("set TOTP", "UPDATE accounts SET totp_secret = ?, updated_at = now() WHERE username = ?",
                secret, username);
    }

    private boolean update(String what, String sql, Object... params) {
        return transactor.inTransaction(what, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                return s.executeUpdate() > 0;
            }
        });
    }

    private static Account read(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object o : (Object[]) array.getArray()) {
            Role.ofClaim((String) o).ifPresent(roles::add);
        }
        return new Account(rs.getString("username"), rs.getString("password_hash"), roles,
                Optional.ofNullable(rs.getString("institution_code")), Optional.ofNullable(rs.getBytes("totp_secret")));
    }
}
