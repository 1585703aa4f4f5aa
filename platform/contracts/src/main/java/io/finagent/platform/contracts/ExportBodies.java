package io.finagent.platform.contracts;

import io.finagent.platform.export.ExportFrames;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Export and import bodies in tests: what backup-service reads from a service and sends back to it. */
public final class ExportBodies {

    private ExportBodies() {
    }

    /** Each entry of an export, as text. */
    public static Map<String, String> entries(byte[] export) throws IOException {
        ExportFrames.Reader frames = new ExportFrames.Reader(new ByteArrayInputStream(export));
        Map<String, String> entries = new LinkedHashMap<>();
        for (String name = frames.next(); name != null; name = frames.next()) {
            entries.put(name, new String(frames.data().readAllBytes(), StandardCharsets.UTF_8));
        }
        return entries;
    }

    /** An import body, as backup-service builds it: the full export's entries as full/..., each delta's as delta/... */
    public static byte[] chain(byte[] full, byte[]... deltas) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ExportFrames.Writer out = new ExportFrames.Writer(body);
        copy(full, "full/", out);
        for (byte[] delta : deltas) {
            copy(delta, "delta/", out);
        }
        out.finish();
        return body.toByteArray();
    }

    /** A body of one entry. */
    public static byte[] single(String name, String content) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ExportFrames.Writer out = new ExportFrames.Writer(body);
        try (OutputStream entry = out.entry(name)) {
            entry.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.finish();
        return body.toByteArray();
    }

    private static void copy(byte[] export, String prefix, ExportFrames.Writer out) throws IOException {
        ExportFrames.Reader in = new ExportFrames.Reader(new ByteArrayInputStream(export));
        for (String name = in.next(); name != null; name = in.next()) {
            try (OutputStream entry = out.entry(prefix + name)) {
                in.data().transferTo(entry);
            }
        }
    }
}
