package io.finagent.platform.export;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The body of a service's export: named entries one after another, each its name, then chunks
 * (length, bytes), then length 0; a name of "" ends the export, so a cut-off body is told from a
 * complete one.
 */
public final class ExportFrames {

    private ExportFrames() {
    }

    public static final class Writer {

        private final DataOutputStream out;

        public Writer(OutputStream out) {
            this.out = new DataOutputStream(out);
        }

        /** The stream of one entry: close it before the next. */
        public OutputStream entry(String name) throws IOException {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an entry has a name");
            }
            out.writeUTF(name);
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[]{(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    if (length > 0) {
                        out.writeInt(length);
                        out.write(bytes, offset, length);
                    }
                }

                @Override
                public void close() throws IOException {
                    out.writeInt(0);
                }
            };
        }

        public void finish() throws IOException {
            out.writeUTF("");
            out.flush();
        }
    }

    public static final class Reader {

        private final DataInputStream in;
        private int chunkLeft;
        private boolean entryEnded = true;

        public Reader(InputStream in) {
            this.in = new DataInputStream(in);
        }

        /** The next entry's name (its bytes follow in {@link #data()}), or null at the end of the export. */
        public String next() throws IOException {
            while (!entryEnded) {
                data().transferTo(OutputStream.nullOutputStream());
            }
            String name = in.readUTF();
            if (name.isEmpty()) {
                return null;
            }
            entryEnded = false;
            chunkLeft = 0;
            return name;
        }

        /** The current entry's bytes; its end is the end of this stream. */
        public InputStream data() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] into, int offset, int length) throws IOException {
                    while (chunkLeft == 0) {
                        if (entryEnded) {
                            return -1;
                        }
                        chunkLeft = in.readInt();
                        entryEnded = chunkLeft == 0;
                    }
                    int n = in.read(into, offset, Math.min(length, chunkLeft));
                    if (n < 0) {
                        throw new java.io.EOFException("the export ends inside an entry");
                    }
                    chunkLeft -= n;
                    return n;
                }
            };
        }
    }
}
