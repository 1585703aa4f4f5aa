package io.finagent.cache.level;

import io.finagent.cache.level.RedisReads.Pending;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * The L2 reads of one event loop. Everything here runs on that loop's thread, so nothing is
 * shared: reads gathered during a pass of the loop are sent when the pass ends (a task queued
 * on the loop runs after the I/O it is handling), as one MGET on the loop's own connection,
 * opened on the first read and again after a failure. {@code loop} is the event loop's root
 * context, so the connection's replies come back on this thread.
 */
final class LoopReads {

    private static final int MAX_KEYS = 256;

    private final Context loop;
    private final Redis client;
    private List<Pending> gathered = new ArrayList<>();
    private boolean sendQueued;
    private boolean connecting;
    private RedisConnection connection;

    LoopReads(Context loop, Redis client) {
        this.loop = loop;
        this.client = client;
    }

    void add(Pending read) {
        gathered.add(read);
        if (!sendQueued) {
            sendQueued = true;
            loop.runOnContext(v -> send());
        }
    }

    void close() {
        RedisConnection open = connection;
        if (open != null) {
            open.close();
        }
    }

    private void send() {
        sendQueued = false;
        if (connection == null) {
            connect();
            return;
        }
        List<Pending> reads = gathered;
        gathered = new ArrayList<>();
        for (int from = 0; from < reads.size(); from += MAX_KEYS) {
            List<Pending> batch = reads.subList(from, Math.min(reads.size(), from + MAX_KEYS));
            Request mget = Request.cmd(Command.MGET);
            batch.forEach(read -> mget.arg(read.key()));
            RedisConnection used = connection;
            used.send(mget).onComplete(reply -> answer(batch, reply, used));
        }
    }

    private void answer(List<Pending> batch, AsyncResult<Response> reply, RedisConnection used) {
        if (reply.failed()) {
            drop(used);
            batch.forEach(read -> read.fail(reply.cause()));
            return;
        }
        Response values = reply.result();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(values.get(i));
        }
    }

    private void connect() {
        if (connecting) {
            return; // the connection being opened sends what is gathered
        }
        connecting = true;
        // called from send(), on the loop's own context: the connection is opened on this loop
        client.connect().onComplete(opened -> {
            connecting = false;
            if (opened.succeeded()) {
                RedisConnection fresh = opened.result();
                fresh.exceptionHandler(failure -> drop(fresh)).endHandler(end -> drop(fresh));
                connection = fresh;
                send();
            } else {
                List<Pending> reads = gathered;
                gathered = new ArrayList<>();
                reads.forEach(read -> read.fail(opened.cause()));
            }
        });
    }

    private void drop(RedisConnection failed) {
        if (connection == failed) {
            connection = null;
            failed.close();
        }
    }
}
