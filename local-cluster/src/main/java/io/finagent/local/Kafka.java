package io.finagent.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A one-node KRaft broker (broker and controller in one process), its data kept across restarts. */
public final class Kafka extends Server {

    public Kafka(Layout layout) {
        super(layout, "kafka", "kafka.Kafka");
    }

    @Override
    public boolean answers() {
        return Readiness.answers(layout.ports().kafka());
    }

    @Override
    protected boolean ready() {
        return answers() && logSays("Kafka Server started");
    }

    @Override
    protected List<Integer> otherPorts() {
        return List.of(layout.ports().kafkaController());
    }

    @Override
    protected List<String> prepare() {
        String classpath = ServerClasspath.of(layout);
        writeConfig();
        format(classpath);
        return List.of(java(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir().resolve("log4j2.properties"), "-cp", classpath, "kafka.Kafka",
                dir().resolve("server.properties").toString());
    }

    /**
     * Written on every start, so a change of ports takes effect. A static quorum rather than
     * {@code format --standalone}, which stores the controller's endpoint in the metadata log and so
     * would break an existing data directory when the controller port changes.
     */
    private void writeConfig() {
        Ports ports = layout.ports();
        write("server.properties", """
                # Written by local-cluster on each start: edits are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                # one node: every internal topic with replication 1
                auto.create.topics.enable=true
                num.partitions=3
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                min.insync.replicas=1
                group.initial.rebalance.delay.ms=0
                num.network.threads=2
                num.io.threads=4
                """.formatted(ports.kafka(), ports.kafkaController(), dir().resolve("data")));
        // Kafka 4 logs through log4j 2; without a configuration it prints only errors
        write("log4j2.properties", """
                status = warn
                appender.out.type = Console
                appender.out.name = STDOUT
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = STDOUT
                logger.state.name = state.change.logger
                logger.state.level = WARN
                logger.request.name = kafka.request.logger
                logger.request.level = WARN
                """);
    }

    /** Formats the storage once; the cluster id is kept, so a restart reuses the data. */
    private void format(String classpath) {
        Path data = dir().resolve("data");
        if (Files.exists(data.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(data);
            Path idFile = dir().resolve("cluster.id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, clusterId());
            }
            String id = Files.readString(idFile).strip();
            Console.say("kafka: formatting " + data + " (cluster id " + id + ")");
            Path log = dir().resolve("format.log");
            Process format = new ProcessBuilder(java(), "-Dlog4j2.configurationFile=" + dir().resolve("log4j2.properties"),
                    "-cp", classpath, "kafka.tools.StorageTool", "format", "--config", dir().resolve("server.properties").toString(),
                    "--cluster-id", id, "--ignore-formatted")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("kafka: formatting the storage failed:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As {@code kafka-storage random-uuid}: 16 random bytes in URL-safe base64; Kafka refuses one that starts with '-'. */
    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private boolean logSays(String text) {
        try {
            Path log = dir().resolve("kafka.log");
            return Files.exists(log) && Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
