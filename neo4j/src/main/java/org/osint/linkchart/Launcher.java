package org.osint.linkchart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community embedded with its Bolt connector on 127.0.0.1, for the Node server to use.
 *
 * Protocol with the parent process (server/db/localNeo4j.ts), one line each on stdout:
 *   NEO4J_READY <boltPort>      the DBMS is up and the password is set
 *   NEO4J_ERROR <message>       start failed; the process exits with status 1
 * The DBMS shuts down cleanly on SIGTERM/SIGINT and when standard input closes, so that a parent
 * that dies without cleaning up never leaves an orphan JVM holding the store lock.
 */
public final class Launcher {

    public static void main(String[] args) {
        Map<String, String> opts = parseArgs(args);
        try {
            run(opts);
        } catch (Throwable t) {
            // One line, no stack trace: the parent shows it to the user as is.
            fail(describe(t));
        }
    }

    private static void run(Map<String, String> opts) throws IOException {
        Path home = Path.of(require(opts, "home")).toAbsolutePath();
        int port = Integer.parseInt(require(opts, "port"));
        String password = Files.readString(Path.of(require(opts, "password-file")), StandardCharsets.UTF_8).trim();
        long pageCache = parseBytes(opts.getOrDefault("pagecache", "256m"));
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // Bolt's network layer waits ~10 s for quiet before it stops by default; our only
                // client is the parent process, which has closed its connections by then.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(3))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(3))
                .build();

        Thread stopper = new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
            System.out.flush();
            dbms.shutdown();
        }, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);

        try {
            setPassword(dbms, password);
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(stopper);
            dbms.shutdown(); // leave a clean store behind, then report
            throw e;
        }
        watchParent();
        System.out.println("NEO4J_READY " + port);
        System.out.flush();
    }

    /**
     * Sets the neo4j user's password. Neo4j refuses to "change" a password to the same value, which
     * happens on every restart: that refusal means the password is already right.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (!msg.contains("Old password and new password cannot be the same")) throw e;
        }
    }

    /** Exit (running the shutdown hook) when the parent closes our standard input. */
    private static void watchParent() {
        Thread t = new Thread(() -> {
            InputStream in = System.in;
            byte[] buf = new byte[64];
            try {
                while (in.read(buf) >= 0) { /* ignore input */ }
            } catch (IOException ignored) {
                // treat a broken pipe like end of input
            }
            System.exit(0);
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static String describe(Throwable t) {
        // The root cause usually says what happened (port in use, store locked, ...).
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String rootMsg = String.valueOf(root.getMessage());
        String top = String.valueOf(t.getMessage());
        if (rootMsg.contains("Address already in use") || top.contains("Address already in use")) {
            return "the Bolt port is already in use by another program";
        }
        if (rootMsg.toLowerCase().contains("lock") && rootMsg.toLowerCase().contains("store")) {
            return "the data directory is in use by another running instance: " + rootMsg;
        }
        String msg = top.equals(rootMsg) ? top : top + " (" + root.getClass().getSimpleName() + ": " + rootMsg + ")";
        return msg.replace('\n', ' ');
    }

    private static void fail(String message) {
        System.out.println("NEO4J_ERROR " + message);
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) fail("unexpected argument " + args[i]);
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) fail("missing --" + key);
        return v;
    }

    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        if (v.endsWith("k")) mult = 1L << 10;
        else if (v.endsWith("m")) mult = 1L << 20;
        else if (v.endsWith("g")) mult = 1L << 30;
        if (mult != 1) v = v.substring(0, v.length() - 1);
        return Long.parseLong(v) * mult;
    }
}
