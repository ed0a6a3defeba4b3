package dev.hubsim.simulator.cli;

/**
 * Initialises, on a second thread, the library classes whose static set-up is the slowest part of starting a server
 * (Jetty's MIME tables, Jackson, Javalin), while the main thread parses the command line and builds the simulator's
 * state: on two cores the server answers its first request sooner. A class the main thread reaches first is simply
 * initialised there (the JVM lets one thread run a class's initialiser and the others wait for it).
 */
final class ServerClassPreloader {
    private static final String[] CLASSES = {
            "com.fasterxml.jackson.databind.ObjectMapper",
            "org.eclipse.jetty.http.MimeTypes",
            "io.javalin.Javalin",
    };

    private ServerClassPreloader() {
    }

    static void start() {
        Thread thread = new Thread(ServerClassPreloader::preload, "hubsim-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void preload() {
        ClassLoader loader = ServerClassPreloader.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return; // only a head start: the main thread reports any real problem when it uses the class
            }
        }
    }
}
