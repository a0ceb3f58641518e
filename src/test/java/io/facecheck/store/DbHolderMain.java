package io.facecheck.store;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Test helper run in a separate JVM: opens the H2 URL given as argument, prints READY, and holds the
 * database open until its stdin closes.
 */
public final class DbHolderMain {
    private DbHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            c.createStatement().execute("SELECT 1");
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }
}
