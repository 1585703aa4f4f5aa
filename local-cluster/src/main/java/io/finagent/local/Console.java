package io.finagent.local;

/** What the scripts print: progress to stdout, problems to stderr. */
final class Console {

    private Console() {
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static void warn(String line) {
        System.err.println(line);
        System.err.flush();
    }

    /** "12.3 s". */
    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
