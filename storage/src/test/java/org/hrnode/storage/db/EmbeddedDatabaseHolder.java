package org.hrnode.storage.db;

import java.nio.file.Path;
import java.time.Duration;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.ae.PostgresAeRegistry;

/**
 * Child JVM for {@link EmbeddedDatabaseTest}: starts the embedded database on {@code args[0]}, commits one AE,
 * prints {@value #READY} and then waits to be killed (at most {@link #LIFETIME}, so a forgotten child ends itself).
 */
public final class EmbeddedDatabaseHolder {

    static final String READY = "database ready";
    static final ApplicationEntity COMMITTED = new ApplicationEntity("KILLED01", "10.0.0.9", 104, "CQ001",
            "重庆医科大学附属第一医院", null, true);
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private EmbeddedDatabaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase server = EmbeddedDatabase.start(Path.of(args[0]));
        Database db = Database.open(server.config());
        new PostgresAeRegistry(new Transactor(db.dataSource())).put(COMMITTED);
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(LIFETIME);
    }
}
