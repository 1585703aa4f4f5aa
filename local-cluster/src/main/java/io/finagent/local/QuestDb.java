package io.finagent.local;

import java.util.List;

/** A QuestDB server: HTTP (console, /exec, ILP over HTTP), the PostgreSQL wire protocol, ILP over TCP. */
public final class QuestDb extends Server {

    public QuestDb(Layout layout) {
        super(layout, "questdb", "io.questdb.ServerMain");
    }

    @Override
    public boolean answers() {
        return Readiness.answers(layout.ports().questDbHttp());
    }

    @Override
    protected boolean ready() {
        return Readiness.status(layout.ports().questDbHttpUrl() + "/exec?query=select%201") == 200;
    }

    @Override
    protected List<Integer> otherPorts() {
        Ports ports = layout.ports();
        return List.of(ports.questDbPg(), ports.questDbIlp(), ports.questDbHttpMin());
    }

    /** QuestDB writes its default configuration only where none is, so these two files are enough. Data is mostly off-heap (mmap): a small heap. */
    @Override
    protected List<String> prepare() {
        Ports ports = layout.ports();
        write("conf/server.conf", """
                # Written by local-cluster on each start: edits are overwritten.
                http.net.bind.to=127.0.0.1:%d
                http.min.enabled=true
                http.min.net.bind.to=127.0.0.1:%d
                pg.net.bind.to=127.0.0.1:%d
                pg.user=admin
                pg.password=quest
                line.tcp.net.bind.to=127.0.0.1:%d
                line.udp.enabled=false
                telemetry.enabled=false
                telemetry.disable.completely=true
                # two cores: small thread pools
                shared.worker.count=2
                """.formatted(ports.questDbHttp(), ports.questDbHttpMin(), ports.questDbPg(), ports.questDbIlp()));
        // the default log.conf without its rolling file: stdout goes to questdb.log
        write("conf/log.conf", """
                writers=stdout,http.min
                w.stdout.class=io.questdb.log.LogConsoleWriter
                w.stdout.level=INFO
                w.http.min.class=io.questdb.log.LogConsoleWriter
                w.http.min.level=ERROR
                w.http.min.scope=http-min-server
                """);
        return List.of(java(), "-Xms64m", "-Xmx512m", "-Djava.awt.headless=true", "-cp", ServerClasspath.of(layout),
                "io.questdb.ServerMain", "-d", dir().toString());
    }
}
