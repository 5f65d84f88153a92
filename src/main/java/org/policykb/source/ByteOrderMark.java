package org.policykb.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The Unicode byte-order marks; a file that starts with one is in that charset, whatever else it looks like. */
enum ByteOrderMark {
    // UTF-32 LE comes before UTF-16 LE because its mark begins with the UTF-16 LE mark.
    UTF_32LE(Charset.forName("UTF-32LE"), 0xFF, 0xFE, 0x00, 0x00),
    UTF_32BE(Charset.forName("UTF-32BE"), 0x00, 0x00, 0xFE, 0xFF),
    UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
    UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE),
    UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF);

    private final Charset charset;
    private final byte[] mark;

    ByteOrderMark(Charset charset, int... mark) {
        this.charset = charset;
        this.mark = new byte[mark.length];
        for (int i = 0; i < mark.length; i++) {
            this.mark[i] = (byte) mark[i];
        }
    }

    static Optional<ByteOrderMark> find(byte[] bytes) {
        return Arrays.stream(values()).filter(bom -> bom.starts(bytes)).findFirst();
    }

    Charset charset() {
        return charset;
    }

    int length() {
        return mark.length;
    }

    private boolean starts(byte[] bytes) {
        return bytes.length >= mark.length && Arrays.equals(bytes, 0, mark.length, mark, 0, mark.length);
    }
}
